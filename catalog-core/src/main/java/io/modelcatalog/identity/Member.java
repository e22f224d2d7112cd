package io.modelcatalog.identity;

import io.modelcatalog.facts.ModelFacts;
import java.util.List;
import java.util.Objects;

/**
 * One provider's listing of a family's weights.
 *
 * @param provider the provider
 * @param id       its id there
 * @param variant  how it is served: quantization ({@code fp8}) and tier ({@code free}, {@code turbo}) tags
 * @param joinedBy why it belongs to its family: the metadata field or the rule that decided
 * @param facts    its facts at that provider, or {@code null}
 * @param cached   its cached-input price at that provider with its source, or {@code null}
 */
public record Member(
        String provider,
        String id,
        List<String> variant,
        String joinedBy,
        ModelFacts facts,
        Listing.SourcedPrice cached) {

    public Member {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(id, "id");
        variant = List.copyOf(variant);
        Objects.requireNonNull(joinedBy, "joinedBy");
    }

    /** {@code provider/id}. */
    public String qualifiedId() {
        return provider + "/" + id;
    }
}
