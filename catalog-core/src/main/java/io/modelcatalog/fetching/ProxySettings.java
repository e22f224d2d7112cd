package io.modelcatalog.fetching;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The proxies in force, chosen per request: the first proxy whose protocol is the target's scheme, else the
 * first {@code http} proxy (settings.xml files commonly declare one proxy for both), unless the target is in
 * its {@code nonProxyHosts}.
 */
public record ProxySettings(List<ProxySpec> proxies) {

    public ProxySettings {
        proxies = List.copyOf(proxies);
    }

    public static ProxySettings none() {
        return new ProxySettings(List.of());
    }

    public Optional<ProxySpec> proxyFor(String scheme, String targetHost) {
        String s = scheme.toLowerCase(Locale.ROOT);
        Optional<ProxySpec> chosen =
                proxies.stream().filter(p -> s.equalsIgnoreCase(p.protocol())).findFirst();
        if (chosen.isEmpty()) {
            chosen = proxies.stream()
                    .filter(p -> "http".equalsIgnoreCase(p.protocol()))
                    .findFirst();
        }
        return chosen.filter(p -> !p.bypasses(targetHost));
    }

    /** The proxy at this address, for answering its authentication challenge. */
    public Optional<ProxySpec> at(String host, int port) {
        return proxies.stream()
                .filter(p -> p.host().equalsIgnoreCase(host) && p.port() == port)
                .findFirst();
    }
}
