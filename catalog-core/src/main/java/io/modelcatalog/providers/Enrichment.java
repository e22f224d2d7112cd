package io.modelcatalog.providers;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A second document the catalog requests beside a provider's model list and merges into it before the provider's
 * files are made, as the legacy tool did. A property of a built-in definition ({@code "enrichment"} in
 * {@code builtin-providers.json}); a definition that replaces a built-in one keeps it.
 */
public enum Enrichment {
    /** Chutes' chutes endpoint: the chute of each model adds its pricing, GPUs and instances. */
    CHUTES("chutes");

    private final String id;

    Enrichment(String id) {
        this.id = id;
    }

    /** The name used in the built-in resource. */
    public String id() {
        return id;
    }

    static Enrichment parse(String text) {
        for (Enrichment e : values()) {
            if (e.id.equals(text)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown enrichment '" + text + "'; use one of "
                + Arrays.stream(values()).map(Enrichment::id).collect(Collectors.joining(", ")));
    }
}
