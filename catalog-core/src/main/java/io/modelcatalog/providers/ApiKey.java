package io.modelcatalog.providers;

import java.util.Objects;

/**
 * A provider's API key and where it came from. {@link #toString()} never shows the key, so a key that ends
 * up in a log line or message by accident shows as {@code ***}.
 */
public final class ApiKey {
    private final String value;
    private final String source;

    /**
     * @param value  the key
     * @param source where it came from, for messages: {@code env OPENAI_API_KEY}, {@code settings.xml server catalog-openai}
     */
    public ApiKey(String value, String source) {
        this.value = Objects.requireNonNull(value, "value");
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The key itself: pass it only to the provider's own host. */
    public String reveal() {
        return value;
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "*** (from " + source + ")";
    }
}
