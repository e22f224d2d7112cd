package io.modelcatalog.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.facts.ModelFacts;
import java.util.Objects;

/**
 * One model as one provider lists it: what the identity rules read.
 *
 * @param provider the provider's name
 * @param id       the model id as listed
 * @param entry    the provider's entry for it (its metadata fields), or {@code null}
 * @param facts    its normalized facts, or {@code null}
 */
public record Listing(String provider, String id, JsonNode entry, ModelFacts facts) {

    public Listing {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(id, "id");
    }
}
