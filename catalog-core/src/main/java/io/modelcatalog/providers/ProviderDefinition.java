package io.modelcatalog.providers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One provider as declared in a registry: its name (also a file-name component), kind, default base URL
 * and the names of the environment variables that override the base URL and hold the key.
 *
 * @param name       provider name, {@code [A-Za-z0-9._-]+}
 * @param kind       how the model list is requested
 * @param apiKeyEnv  environment variable holding the key, or {@code null} when the provider takes none
 * @param baseUrlEnv environment variable overriding the base URL, or {@code null}
 * @param baseUrl    the default base URL (for {@link ProviderKind#URL}, the document's URL); never with a user name
 *                   or password in it ({@link CredentialsInUrlException})
 * @param headers    extra request headers, in order
 * @param enrichment the document merged into its model list before its files are made, if any
 */
public record ProviderDefinition(
        String name,
        ProviderKind kind,
        String apiKeyEnv,
        String baseUrlEnv,
        String baseUrl,
        Map<String, String> headers,
        Optional<Enrichment> enrichment) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public ProviderDefinition {
        validateName(name);
        Objects.requireNonNull(kind, "kind");
        apiKeyEnv = blankToNull(apiKeyEnv);
        baseUrlEnv = blankToNull(baseUrlEnv);
        checkEnvName(name, "apiKeyEnv", apiKeyEnv);
        checkEnvName(name, "baseUrlEnv", baseUrlEnv);
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("provider '" + name + "' has no baseUrl");
        }
        UrlCredentials.refuseUserInfo(name, baseUrl);
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(enrichment, "enrichment");
    }

    /** A definition without enrichment (every one but a built-in that has one). */
    public ProviderDefinition(
            String name,
            ProviderKind kind,
            String apiKeyEnv,
            String baseUrlEnv,
            String baseUrl,
            Map<String, String> headers) {
        this(name, kind, apiKeyEnv, baseUrlEnv, baseUrl, headers, Optional.empty());
    }

    /** This definition with {@code value} as its enrichment. */
    public ProviderDefinition withEnrichment(Optional<Enrichment> value) {
        return new ProviderDefinition(name, kind, apiKeyEnv, baseUrlEnv, baseUrl, headers, value);
    }

    /** Throws when a name is unfit as a provider name (and so as a file-name component). */
    public static void validateName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException(
                    "invalid provider name '" + name + "': use only letters, digits, '.', '_' and '-'");
        }
    }

    private static void checkEnvName(String provider, String field, String value) {
        if (value != null && !ENV_NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "provider '" + provider + "': " + field + " '" + value + "' is not an environment variable name");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
