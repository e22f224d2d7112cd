package io.modelcatalog.facts;

import io.modelcatalog.documents.ModelList;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns a provider's model list into one {@link ModelFacts} per distinct model. Stateless and thread-safe. */
public final class ModelNormalizer {

    private final Optional<LiteLlmMap> liteLlm;

    /** @param liteLlm LiteLLM's map when the catalog holds it: fills what a provider leaves out */
    public ModelNormalizer(Optional<LiteLlmMap> liteLlm) {
        this.liteLlm = liteLlm;
    }

    /**
     * The provider's models in catalog order, one per distinct config name (Gemini's {@code models/x} and
     * {@code x} would be one model; the first entry wins).
     */
    public List<ModelFacts> normalize(ProviderDefinition provider, ModelList list) {
        ProviderShape shape = ProviderShape.forProvider(provider.name(), provider.kind() == ProviderKind.ANTHROPIC);
        List<ModelFacts> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        list.entries().forEach((id, entry) -> {
            ModelFacts facts = shape.read(id, entry);
            if (!names.add(facts.name())) {
                return;
            }
            if (liteLlm.isPresent() && shape != ProviderShape.LITELLM) {
                Optional<ModelFacts> known = liteLlm.get().lookup(provider.name(), facts.name());
                if (known.isPresent()) {
                    facts = facts.fillGapsFrom(known.get());
                }
            }
            out.add(facts);
        });
        return out;
    }
}
