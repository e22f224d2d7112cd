package io.modelcatalog.providers;

/**
 * A provider with its base URL resolved against the environment.
 *
 * @param provider  the definition
 * @param baseUrl   the base URL in force: the {@code baseUrlEnv} variable when set, else the default
 * @param modelsUrl the model-list URL: {@code <baseUrl without trailing />/models}, or the URL itself for kind URL
 * @param baseUrlVariable the environment variable the base URL came from; {@code null} for the definition's own
 */
public record ProviderEndpoint(ProviderDefinition provider, String baseUrl, String modelsUrl, String baseUrlVariable) {

    public static ProviderEndpoint resolve(ProviderDefinition provider, EnvironmentLookup env) {
        String fromEnv = provider.baseUrlEnv() == null
                ? null
                : env.get(provider.baseUrlEnv()).map(String::trim).orElse(null);
        String base = fromEnv != null ? fromEnv : provider.baseUrl();
        String models = provider.kind() == ProviderKind.URL ? base : stripTrailingSlashes(base) + "/models";
        return new ProviderEndpoint(provider, base, models, fromEnv != null ? provider.baseUrlEnv() : null);
    }

    /**
     * The base URL that configs name: the models URL without a trailing {@code /models}, then without trailing
     * slashes. (The legacy tool used Python's {@code rstrip('/models')}, which also ate trailing letters of
     * the set m/o/d/e/l/s; that quirk is deliberately not reproduced.)
     */
    public String configBaseUrl() {
        String u = modelsUrl;
        if (u.endsWith("/models")) {
            u = u.substring(0, u.length() - "/models".length());
        }
        return stripTrailingSlashes(u);
    }

    private static String stripTrailingSlashes(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(0, end);
    }
}
