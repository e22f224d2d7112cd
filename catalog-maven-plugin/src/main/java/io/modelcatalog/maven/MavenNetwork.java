package io.modelcatalog.maven;

import io.modelcatalog.fetching.ProxySettings;
import io.modelcatalog.fetching.ProxySpec;
import io.modelcatalog.providers.ApiKey;
import io.modelcatalog.providers.CredentialLookup;
import io.modelcatalog.providers.EnvironmentLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** Translates Maven's settings (servers, proxies) into the core's credential lookup and proxy settings. */
final class MavenNetwork {

    /** Prefix of the settings.xml server id that holds a provider's key: {@code catalog-<provider>}. */
    static final String SERVER_ID_PREFIX = "catalog-";

    private final MavenSession session;
    private final SettingsDecrypter decrypter;
    private final Log log;

    MavenNetwork(MavenSession session, SettingsDecrypter decrypter, Log log) {
        this.session = session;
        this.decrypter = decrypter;
        this.log = log;
    }

    private Settings settings() {
        return session == null ? null : session.getSettings();
    }

    /** The legacy environment variable first, then the decrypted password of server {@code catalog-<p>}. */
    CredentialLookup credentials(EnvironmentLookup env) {
        return CredentialLookup.environment(env).orElse(p -> serverPassword(SERVER_ID_PREFIX + p.name()));
    }

    private Optional<ApiKey> serverPassword(String id) {
        Settings settings = settings();
        if (settings == null) {
            return Optional.empty();
        }
        Server server = settings.getServer(id);
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
                : Optional.of(new ApiKey(password, "settings.xml server " + id));
    }

    /** The active proxies of settings.xml, passwords decrypted. */
    ProxySettings proxies() {
        Settings settings = settings();
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
