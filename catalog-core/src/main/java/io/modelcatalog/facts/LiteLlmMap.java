package io.modelcatalog.facts;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.documents.ModelList;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * LiteLLM's price and context map ({@code models_litellm.json}), used to fill the facts a provider leaves out
 * (OpenAI, DeepSeek and others list ids only).
 *
 * <p>An entry belongs to a provider only when its {@code litellm_provider} is that provider's LiteLLM name;
 * it is found under {@code <litellm name>/<model name>} or under the bare model name. So a Bedrock or Azure
 * entry with the same model name never fills an OpenAI model.
 */
public final class LiteLlmMap {

    /** Catalog provider name to LiteLLM's {@code litellm_provider}, where they differ or exist at all. */
    private static final Map<String, String> LITELLM_PROVIDER = Map.ofEntries(
            Map.entry("openai", "openai"),
            Map.entry("anthropic", "anthropic"),
            Map.entry("deepseek", "deepseek"),
            Map.entry("gemini", "gemini"),
            Map.entry("groq", "groq"),
            Map.entry("mistral", "mistral"),
            Map.entry("xai", "xai"),
            Map.entry("cerebras", "cerebras"),
            Map.entry("moonshot", "moonshot"),
            Map.entry("sambanova", "sambanova"),
            Map.entry("togetherai", "together_ai"),
            Map.entry("fireworks", "fireworks_ai"),
            Map.entry("deepinfra", "deepinfra"),
            Map.entry("hyperbolic", "hyperbolic"),
            Map.entry("openrouter", "openrouter"),
            Map.entry("featherless", "featherless_ai"),
            Map.entry("friendli", "friendliai"),
            Map.entry("nebius", "nebius"),
            Map.entry("novita", "novita"));

    private final Map<String, JsonNode> entries;

    private LiteLlmMap(Map<String, JsonNode> entries) {
        this.entries = entries;
    }

    /** The map from LiteLLM's document as the catalog holds it. */
    public static LiteLlmMap of(ModelList litellm) {
        return new LiteLlmMap(litellm.entries());
    }

    /** The LiteLLM name of a catalog provider, if LiteLLM knows it. */
    public static Optional<String> liteLlmProvider(String provider) {
        return Optional.ofNullable(LITELLM_PROVIDER.get(provider.toLowerCase(Locale.ROOT)));
    }

    /** LiteLLM's facts for a provider's model (by its config name), if it has an entry for exactly that provider. */
    public Optional<ModelFacts> lookup(String provider, String modelName) {
        return entry(provider, modelName).map(e -> ProviderShape.LITELLM.read(e.getKey(), e.getValue()));
    }

    /** LiteLLM's own entry (key and value) for a provider's model, on the same terms as {@link #lookup}. */
    public Optional<Map.Entry<String, JsonNode>> entry(String provider, String modelName) {
        Optional<String> lp = liteLlmProvider(provider);
        if (lp.isEmpty()) {
            return Optional.empty();
        }
        for (String key : new String[] {lp.get() + "/" + modelName, modelName}) {
            JsonNode entry = entries.get(key);
            if (entry != null && lp.get().equals(entry.path("litellm_provider").asText(null))) {
                return Optional.of(Map.entry(key, entry));
            }
        }
        return Optional.empty();
    }
}
