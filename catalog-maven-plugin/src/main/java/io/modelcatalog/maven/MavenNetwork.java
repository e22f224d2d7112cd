package io.modelcatalog.maven;

import io.modelcatalog.fetching.ProxySettings;
import io.modelcatalog.fetching.ProxySpec;
import io.modelcatalog.providers.ApiKey;
import io.modelcatalog.providers.CredentialLookup;
import io.modelcatalog.providers.EnvironmentLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Translates Maven's settings (servers, proxies) into the core's credential lookup and proxy settings. One
 * instance serves every goal and build: the session and log are handed in per call.
 */
@Named
@Singleton
public class MavenNetwork {

    /** Prefix of the settings.xml server id that holds a provider's key: {@code catalog-<provider>}. */
    static final String SERVER_ID_PREFIX = "catalog-";

    private final SettingsDecrypter decrypter;

    @Inject
    public MavenNetwork(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    /** The settings.xml server that may hold the provider's key, as the key source is named. */
    static String serverKeySource(String provider) {
        return "settings.xml server " + SERVER_ID_PREFIX + provider;
    }

    /** The legacy environment variable first, then the decrypted password of server {@code catalog-<p>}. */
    CredentialLookup credentials(MavenSession session, EnvironmentLookup env, Log log) {
        Settings settings = session == null ? null : session.getSettings();
        return CredentialLookup.environment(env).orElse(p -> serverPassword(settings, p.name(), log));
    }

    private Optional<ApiKey> serverPassword(Settings settings, String provider, Log log) {
        String id = SERVER_ID_PREFIX + provider;
        Server server = settings == null ? null : settings.getServer(id);
        if (server == null) {
            return Optional.empty();
        }
        Server decrypted = server;
        if (decrypter != null) {
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            for (SettingsProblem problem : result.getProblems()) {
                // the problem text names the server and the reason, never the password
                log.warn("settings.xml server " + id + ": " + problem.getMessage());
            }
            if (result.getServer() != null) {
                decrypted = result.getServer();
            }
        }
        String password = decrypted.getPassword();
        return password == null || password.isBlank()
                ? Optional.empty()
                : Optional.of(new ApiKey(password, serverKeySource(provider)));
    }

    /** The active proxies of settings.xml, passwords decrypted. */
    ProxySettings proxies(MavenSession session, Log log) {
        Settings settings = session == null ? null : session.getSettings();
        if (settings == null || settings.getProxies() == null) {
            return ProxySettings.none();
        }
        List<ProxySpec> out = new ArrayList<>();
        for (Proxy proxy : settings.getProxies()) {
            if (!proxy.isActive()) {
                continue;
            }
            Proxy p = proxy;
            if (decrypter != null) {
                SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
                result.getProblems()
                        .forEach(pr -> log.warn("settings.xml proxy " + proxy.getId() + ": " + pr.getMessage()));
                if (result.getProxy() != null) {
                    p = result.getProxy();
                }
            }
            out.add(new ProxySpec(
                    p.getProtocol() == null ? "http" : p.getProtocol(),
                    p.getHost(),
                    p.getPort(),
                    blankToNull(p.getUsername()),
                    blankToNull(p.getPassword()),
                    p.getNonProxyHosts()));
        }
        return new ProxySettings(out);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
