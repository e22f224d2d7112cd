package io.modelcatalog.legacy;

import io.modelcatalog.documents.ModelList;

/** The legacy {@code models_<p>.toml} in tomli_w formatting. (Stub: being implemented.) */
public final class LegacyTomlWriter {
    private LegacyTomlWriter() {}

    /**
     * @param provider provider name
     * @param baseUrl  the {@code base_url} value ({@code ProviderEndpoint#configBaseUrl()})
     * @param envKey   the provider's key variable, or {@code null} to omit {@code env_key}
     * @param list     the sorted model list
     */
    public static byte[] toBytes(String provider, String baseUrl, String envKey, ModelList list) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
