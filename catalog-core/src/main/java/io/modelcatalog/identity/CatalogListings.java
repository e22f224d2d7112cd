package io.modelcatalog.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.catalog.CatalogFolder;
import io.modelcatalog.documents.ModelList;
import io.modelcatalog.facts.FactValues;
import io.modelcatalog.facts.LiteLlmMap;
import io.modelcatalog.facts.ModelFacts;
import io.modelcatalog.facts.ModelNormalizer;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderKind;
import io.modelcatalog.providers.ProviderRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A catalog folder's models as {@link Listing}s: every registered API provider's entries, with their facts
 * normalized as the tool configs see them (LiteLLM's map fills what a provider leaves out, for that provider
 * only). Data sources (kind url, such as LiteLLM's map) serve no model and give no listing.
 */
public final class CatalogListings {

    private static final String LITELLM = "litellm";

    private CatalogListings() {}

    /**
     * The price of cached input tokens: the provider's own ({@code pricing.input_cache_read}, per token, as OpenRouter
     * and its clones give it), else LiteLLM's {@code cache_read_input_token_cost} from its entry for this provider's
     * model. Never another provider's.
     */
    static Listing.SourcedPrice cachedPrice(
            String provider, ModelFacts facts, JsonNode entry, Optional<LiteLlmMap> liteLlm) {
        JsonNode own = entry == null ? null : entry.path("pricing").get("input_cache_read");
        if (own != null && own.isTextual()) {
            BigDecimal v = FactValues.perTokenAsPerMillion(own);
            if (v != null) {
                return new Listing.SourcedPrice(v, "provider");
            }
        }
        if (liteLlm.isPresent()) {
            Optional<Map.Entry<String, JsonNode>> e = liteLlm.get().entry(provider, facts.name());
            if (e.isPresent()) {
                BigDecimal v =
                        FactValues.perTokenAsPerMillion(e.get().getValue().get("cache_read_input_token_cost"));
                if (v != null) {
                    return new Listing.SourcedPrice(v, "litellm " + e.get().getKey());
                }
            }
        }
        return null;
    }

    /**
     * Reads the listings.
     *
     * @throws io.modelcatalog.documents.DocumentParseException for a catalog file that does not parse
     */
    public static List<Listing> read(Path folder, ProviderRegistry registry) throws IOException {
        CatalogFolder catalog = CatalogFolder.detect(folder);
        List<String> inCatalog = catalog.providers();
        Optional<LiteLlmMap> liteLlm =
                inCatalog.contains(LITELLM) ? catalog.read(LITELLM).map(LiteLlmMap::of) : Optional.empty();
        ModelNormalizer normalizer = new ModelNormalizer(liteLlm);
        List<Listing> out = new ArrayList<>();
        for (String name : inCatalog) {
            Optional<ProviderDefinition> def = registry.find(name);
            if (def.isEmpty() || def.get().kind() == ProviderKind.URL) {
                continue;
            }
            ModelList list = catalog.read(name).orElseThrow();
            out.addAll(of(name, list, normalizer.normalize(def.get(), list), liteLlm));
        }
        return out;
    }

    /**
     * One provider's listings from its model list and the facts a {@link ModelNormalizer} made of it (an entry the
     * normalizer left out, a second id of one config name, gives none).
     *
     * @param liteLlm LiteLLM's map when the catalog holds it, for cached-input prices of this provider's models
     */
    public static List<Listing> of(
            String provider, ModelList list, List<ModelFacts> normalized, Optional<LiteLlmMap> liteLlm) {
        Map<String, ModelFacts> facts = new HashMap<>();
        for (ModelFacts f : normalized) {
            facts.put(f.id(), f);
        }
        List<Listing> out = new ArrayList<>();
        list.entries().forEach((id, entry) -> {
            ModelFacts f = facts.get(id);
            if (f != null) {
                out.add(new Listing(provider, id, entry, f, cachedPrice(provider, f, entry, liteLlm)));
            }
        });
        return out;
    }
}
