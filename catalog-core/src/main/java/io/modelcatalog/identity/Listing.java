package io.modelcatalog.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.facts.ModelFacts;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One model as one provider lists it: what the identity rules read.
 *
 * @param provider the provider's name
 * @param id       the model id as listed
 * @param entry    the provider's entry for it (its metadata fields), or {@code null}
 * @param facts    its normalized facts, or {@code null}
 * @param cached   its price for cached input tokens, or {@code null} when no source gives one
 */
public record Listing(String provider, String id, JsonNode entry, ModelFacts facts, SourcedPrice cached) {

    public Listing {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(id, "id");
    }

    public Listing(String provider, String id, JsonNode entry, ModelFacts facts) {
        this(provider, id, entry, facts, null);
    }

    /**
     * A price with where it came from.
     *
     * @param usdPerMillion USD per 1M tokens
     * @param source        {@code provider} (the provider's own entry) or {@code litellm} (LiteLLM's entry for
     *                      this provider's model)
     */
    public record SourcedPrice(BigDecimal usdPerMillion, String source) {}
}
