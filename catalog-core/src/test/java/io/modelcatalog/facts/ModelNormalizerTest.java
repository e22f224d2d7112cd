package io.modelcatalog.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderRegistry;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** LiteLLM's map fills the gaps of id-only providers, and only of the provider it belongs to. */
class ModelNormalizerTest {

    private static final ProviderRegistry REGISTRY = ProviderRegistry.builtIn();
    private static final ModelNormalizer WITH_LITELLM =
            new ModelNormalizer(Optional.of(LiteLlmMap.of(CorpusEntries.list("litellm"))));

    private static Map<String, ModelFacts> normalize(ModelNormalizer n, String provider) {
        ProviderDefinition def = REGISTRY.find(provider).orElseThrow();
        return n.normalize(def, CorpusEntries.list(provider)).stream()
                .collect(Collectors.toMap(ModelFacts::name, Function.identity()));
    }

    @Test
    void oneRecordPerDistinctId() {
        for (String p : List.of("openai", "openrouter", "togetherai", "featherless", "gemini", "chutes")) {
            Set<String> distinct = new LinkedHashSet<>(CorpusEntries.list(p).ids());
            List<ModelFacts> facts = WITH_LITELLM.normalize(REGISTRY.find(p).orElseThrow(), CorpusEntries.list(p));
            assertEquals(distinct.size(), facts.size(), p);
        }
    }

    @Test
    void openAiIdsAreFilledFromLiteLlmAndMarked() {
        ModelFacts gpt4o = normalize(WITH_LITELLM, "openai").get("gpt-4o");
        assertEquals(128000L, gpt4o.contextWindow());
        assertEquals(16384L, gpt4o.maxOutputTokens());
        assertEquals(0, new BigDecimal("2.5").compareTo(gpt4o.inputPrice()));
        assertEquals(
                Set.of(
                        Fact.CONTEXT_WINDOW,
                        Fact.MAX_OUTPUT_TOKENS,
                        Fact.INPUT_PRICE,
                        Fact.OUTPUT_PRICE,
                        Fact.VISION,
                        Fact.TOOL_CALLING,
                        Fact.KIND,
                        Fact.INPUT_MODALITIES,
                        Fact.OUTPUT_MODALITIES),
                gpt4o.fromLiteLlm());
        assertTrue(
                gpt4o.created() != null && !gpt4o.fromLiteLlm().contains(Fact.CREATED), "OpenAI's own created stays");
    }

    @Test
    void prefixedLiteLlmKeysFillDeepSeekAndGemini() {
        ModelFacts chat = normalize(WITH_LITELLM, "deepseek").get("deepseek-chat");
        assertEquals(65536L, chat.contextWindow(), "deepseek/deepseek-chat");
        ModelFacts flash = normalize(WITH_LITELLM, "gemini").get("gemini-2.5-flash");
        assertEquals(1048576L, flash.contextWindow(), "gemini/gemini-2.5-flash, found by the name without models/");
        assertEquals(true, flash.reasoning());
    }

    @Test
    void theProvidersOwnValuesWin() {
        // OpenRouter says 128000 for openai/gpt-4o; LiteLLM's openrouter/openai/gpt-4o must not replace it
        ModelFacts own =
                normalize(new ModelNormalizer(Optional.empty()), "openrouter").get("openai/gpt-4o");
        ModelFacts filled = normalize(WITH_LITELLM, "openrouter").get("openai/gpt-4o");
        for (Fact f : Fact.values()) {
            if (own.has(f)) {
                assertEquals(own.value(f), filled.value(f), f.name());
                assertTrue(!filled.fromLiteLlm().contains(f), f.name());
            }
        }
    }

    @Test
    void withoutLiteLlmNothingIsFilled() {
        ModelFacts gpt4o =
                normalize(new ModelNormalizer(Optional.empty()), "openai").get("gpt-4o");
        assertNull(gpt4o.contextWindow());
        assertTrue(gpt4o.fromLiteLlm().isEmpty());
    }

    @Test
    void providersLiteLlmDoesNotKnowAreLeftAlone() {
        assertTrue(LiteLlmMap.liteLlmProvider("aihorde").isEmpty());
        normalize(WITH_LITELLM, "aihorde")
                .values()
                .forEach(m -> assertTrue(m.fromLiteLlm().isEmpty(), m.id()));
    }
}
