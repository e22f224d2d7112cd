package io.modelcatalog.providers;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a provider's model list is requested. */
public enum ProviderKind {
    /** OpenAI-compatible: {@code GET <base>/models} with {@code Authorization: Bearer <key>}. */
    OPENAI("openai"),
    /** Anthropic: {@code GET <base>/models} with {@code x-api-key} and {@code anthropic-version}. */
    ANTHROPIC("anthropic"),
    /** A JSON document fetched as is from its URL, without authentication. */
    URL("url");

    private final String id;

    ProviderKind(String id) {
        this.id = id;
    }

    /** The name used in provider files and the POM ({@code openai}, {@code anthropic}, {@code url}). */
    public String id() {
        return id;
    }

    /** Parses a kind by its id; the legacy short names {@code oai} and {@code ant} are accepted too. */
    public static ProviderKind parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "openai", "oai" -> OPENAI;
            case "anthropic", "ant" -> ANTHROPIC;
            case "url" -> URL;
            default ->
                throw new IllegalArgumentException("unknown provider kind '" + text + "'; use one of "
                        + Arrays.stream(values()).map(ProviderKind::id).collect(Collectors.joining(", ")));
        };
    }

    /** Whether requests of this kind carry an API key. */
    public boolean needsKey() {
        return this != URL;
    }
}
