package io.modelcatalog.fetching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.providers.ApiKey;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderDefinition;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Chutes' model list enriched from its chutes endpoint, as the legacy tool did before sorting: each model whose
 * {@code id} equals a chute's {@code name} gains {@code chute_id}, {@code tagline}, {@code public},
 * {@code invocation_count}, {@code hot}, and when the chute has them {@code chutes_pricing},
 * {@code supported_gpus}, {@code gpu_count}, {@code min_vram_gb_per_gpu}, {@code active_instances} and
 * {@code total_instances}. The response is kept as {@code chutes_chutes.json}.
 */
final class ChutesEnrichment implements ListEnrichment {

    /** The legacy endpoint; {@code CHUTES_CHUTES_URL} overrides it. */
    static final String DEFAULT_URL = "https://api.chutes.ai/chutes/?include_public=true&include_schemas=false";

    static final String URL_ENV = "CHUTES_CHUTES_URL";

    static final ChutesEnrichment HOOK = new ChutesEnrichment();

    private ChutesEnrichment() {}

    @Override
    public HttpRequestSpec request(ProviderDefinition chutes, ApiKey key, EnvironmentLookup env) throws FetchException {
        String url = env.get(URL_ENV).orElse(DEFAULT_URL);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("Authorization", key.reveal());
        return new HttpRequestSpec(
                chutes.name(),
                ProviderRequests.uri(chutes.name(), url, "the URL in " + URL_ENV, chutes.apiKeyEnv()),
                headers,
                Set.of("Authorization"));
    }

    /** The response-cache entry of the enrichment body. */
    @Override
    public String cacheEntry() {
        return "chutes";
    }

    @Override
    public String file() {
        return CatalogLayout.CHUTES_CHUTES;
    }

    @Override
    public void merge(JsonNode models, JsonNode document) {
        apply(models, document);
    }

    /**
     * Adds the chutes' fields to the matching models of {@code modelList} (modified in place).
     *
     * @return how many models were enriched
     */
    static int apply(JsonNode modelList, JsonNode chutes) {
        JsonNode items = chutes.path("items");
        if (!items.isArray()) {
            return 0;
        }
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode item : items) {
            JsonNode name = item.get("name");
            if (name != null && name.isTextual()) {
                byName.put(name.asText(), item);
            }
        }
        JsonNode models = modelList.isArray() ? modelList : modelList.path("data");
        if (!models.isArray()) {
            return 0;
        }
        int enriched = 0;
        for (JsonNode model : (ArrayNode) models) {
            JsonNode id = model.get("id");
            JsonNode chute = id != null && id.isTextual() ? byName.get(id.asText()) : null;
            if (chute == null || !model.isObject()) {
                continue;
            }
            enrich((ObjectNode) model, chute);
            enriched++;
        }
        return enriched;
    }

    private static void enrich(ObjectNode model, JsonNode chute) {
        model.set("chute_id", valueOr(chute, "chute_id", model.nullNode()));
        model.set("tagline", valueOr(chute, "tagline", model.textNode("")));
        model.set("public", valueOr(chute, "public", model.booleanNode(true)));
        model.set("invocation_count", valueOr(chute, "invocation_count", model.numberNode(0)));
        model.set("hot", valueOr(chute, "hot", model.booleanNode(false)));
        JsonNode price = chute.get("current_estimated_price");
        if (price != null && price.has("per_million_tokens")) {
            model.set("chutes_pricing", price.get("per_million_tokens"));
        }
        if (chute.has("supported_gpus")) {
            model.set("supported_gpus", chute.get("supported_gpus"));
        }
        JsonNode selector = chute.get("node_selector");
        if (selector != null && selector.isObject()) {
            if (selector.has("gpu_count")) {
                model.set("gpu_count", selector.get("gpu_count"));
            }
            if (selector.has("min_vram_gb_per_gpu")) {
                model.set("min_vram_gb_per_gpu", selector.get("min_vram_gb_per_gpu"));
            }
        }
        JsonNode instances = chute.get("instances");
        if (instances != null && instances.isArray()) {
            int active = 0;
            for (JsonNode instance : instances) {
                if (instance.path("active").isBoolean()
                        && instance.get("active").asBoolean()) {
                    active++;
                }
            }
            model.put("active_instances", active);
            model.put("total_instances", instances.size());
        }
    }

    private static JsonNode valueOr(JsonNode chute, String field, JsonNode fallback) {
        return chute.has(field) ? chute.get(field) : fallback;
    }
}
