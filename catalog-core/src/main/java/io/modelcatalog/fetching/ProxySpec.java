package io.modelcatalog.fetching;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An HTTP proxy as Maven's {@code settings.xml} describes one.
 *
 * @param protocol      the target protocol it serves ({@code http} or {@code https})
 * @param host          proxy host
 * @param port          proxy port
 * @param username      user for proxy authentication, or {@code null}
 * @param password      password for proxy authentication, or {@code null}
 * @param nonProxyHosts {@code |}-separated host patterns reached directly ({@code *} wildcards), or {@code null}
 */
public record ProxySpec(
        String protocol, String host, int port, String username, String password, String nonProxyHosts) {

    /** Whether requests to {@code targetHost} bypass this proxy. */
    public boolean bypasses(String targetHost) {
        if (nonProxyHosts == null || nonProxyHosts.isBlank()) {
            return false;
        }
        String target = targetHost.toLowerCase(Locale.ROOT);
        for (String pattern : nonProxyHosts.split("[|,]")) {
            String p = pattern.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            String regex = ("\\Q" + p + "\\E").replace("*", "\\E.*\\Q");
            if (Pattern.matches(regex, target)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        // never show the password
        return protocol + " proxy " + host + ":" + port + (username == null ? "" : " (user " + username + ")");
    }
}
