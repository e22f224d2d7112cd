package io.modelcatalog.providers;

/** A layer of providers that cannot be used: a name given twice, or a base URL that is no http(s) URL. */
public class ProviderLayerException extends IllegalArgumentException {

    private final String provider;
    private final String source;

    ProviderLayerException(String provider, String source, String message) {
        super(message);
        this.provider = provider;
        this.source = source;
    }

    /** The provider's name. */
    public String provider() {
        return provider;
    }

    /** The layer's source. */
    public String source() {
        return source;
    }
}
