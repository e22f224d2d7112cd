package io.modelcatalog.facts;

import static io.modelcatalog.facts.CorpusEntries.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** One test per provider shape, against real corpus entries. */
class ProviderShapeTest {

    private static ModelFacts read(String provider, String id) {
        return ProviderShape.forProvider(provider, provider.equals("anthropic")).read(id, entry(provider, id));
    }

    private static void assertPrice(String expected, BigDecimal actual) {
        assertEquals(new BigDecimal(expected), actual, () -> "expected " + expected + ", got " + actual);
        assertEquals(expected, FactValues.plain(actual));
    }

    @Test
    void openRouterTopProviderPricesModalitiesAndParameters() {
        ModelFacts m = read("openrouter", "openai/gpt-4o");
        assertEquals(128000L, m.contextWindow());
        assertEquals(16384L, m.maxOutputTokens(), "top_provider.max_completion_tokens");
        assertPrice("2.5", m.inputPrice());
        assertPrice("10", m.outputPrice());
        assertEquals(true, m.vision(), "image in architecture.input_modalities");
        assertEquals(true, m.toolCalling(), "tools in supported_parameters");
        assertEquals(false, m.reasoning(), "supported_parameters lists no reasoning");
        assertEquals(ModelKind.CHAT, m.kind());
        assertEquals("OpenAI: GPT-4o", m.displayName());
        assertEquals(
                Instant.ofEpochSecond(
                        entry("openrouter", "openai/gpt-4o").get("created").asLong()),
                m.created());

        ModelFacts flash = read("openrouter", "google/gemini-2.5-flash");
        assertEquals(true, flash.reasoning());
        assertEquals(65535L, flash.maxOutputTokens());
        assertPrice("0.3", flash.inputPrice());
    }

    @Test
    void openRouterPricesPerMillionAreTheStringsTimesAMillionForEveryModel() {
        for (Map.Entry<String, JsonNode> e :
                CorpusEntries.list("openrouter").entries().entrySet()) {
            ModelFacts m = ProviderShape.OPENROUTER.read(e.getKey(), e.getValue());
            BigDecimal prompt =
                    new BigDecimal(e.getValue().path("pricing").path("prompt").asText());
            BigDecimal completion = new BigDecimal(
                    e.getValue().path("pricing").path("completion").asText());
            if (prompt.signum() < 0) {
                assertNull(m.inputPrice(), e.getKey() + ": a negative price means 'varies' and stays absent");
                continue;
            }
            assertEquals(0, prompt.movePointRight(6).compareTo(m.inputPrice()), e.getKey());
            assertEquals(0, completion.movePointRight(6).compareTo(m.outputPrice()), e.getKey());
            assertFalse(FactValues.plain(m.inputPrice()).contains("E"), "plain notation");
        }
    }

    @Test
    void openRouterAutoRouterSaysNoLimitsOrPrices() {
        ModelFacts auto = read("openrouter", "openrouter/auto");
        assertEquals(2000000L, auto.contextWindow(), "top_provider.context_length is null: the model's own value");
        assertNull(auto.maxOutputTokens());
        assertNull(auto.inputPrice());
        assertNull(auto.outputPrice());
        assertEquals(false, auto.toolCalling(), "an empty supported_parameters list");
    }

    @Test
    void liteLlmUsesMaxInputAndMaxOutputTokensNotLegacyMaxTokens() {
        ModelFacts m = read("litellm", "gpt-4o");
        assertEquals(128000L, m.contextWindow(), "max_input_tokens, not the legacy max_tokens 16384");
        assertEquals(16384L, m.maxOutputTokens());
        assertPrice("2.5", m.inputPrice());
        assertPrice("10", m.outputPrice());
        assertEquals(true, m.vision());
        assertEquals(true, m.toolCalling());
        assertNull(m.reasoning(), "gpt-4o's entry does not say");
        assertEquals(ModelKind.CHAT, m.kind());

        assertEquals(true, read("litellm", "o1").reasoning());
        ModelFacts embedding = read("litellm", "text-embedding-3-small");
        assertEquals(ModelKind.EMBEDDING, embedding.kind());
        assertEquals(8191L, embedding.contextWindow());
        assertNull(embedding.maxOutputTokens());
        assertPrice("0.02", embedding.inputPrice());
        assertPrice("0", embedding.outputPrice());
    }

    @Test
    void anthropicDisplayNameCreatedAndLimitsWherePresent() {
        ModelFacts m = read("anthropic", "claude-3-5-haiku-20241022");
        assertEquals("Claude Haiku 3.5", m.displayName());
        assertEquals(Instant.parse("2024-10-22T00:00:00Z"), m.created());
        assertNull(m.contextWindow(), "this corpus entry has no max_input_tokens");
        assertNull(m.maxOutputTokens());

        // the current API adds max_input_tokens and max_tokens to the same entry
        ObjectNode current = entry("anthropic", "claude-sonnet-4-20250514").deepCopy();
        current.put("max_input_tokens", 200000).put("max_tokens", 64000);
        ModelFacts withLimits = ProviderShape.ANTHROPIC.read("claude-sonnet-4-20250514", current);
        assertEquals(200000L, withLimits.contextWindow());
        assertEquals(64000L, withLimits.maxOutputTokens());
    }

    @Test
    void chutesMaxModelLenAndPricesPerMillion() {
        ModelFacts m = read("chutes", "deepseek-ai/DeepSeek-R1");
        assertEquals(163840L, m.contextWindow());
        assertPrice("0.1999188", m.inputPrice());
        assertPrice("0.800064", m.outputPrice());
    }

    @Test
    void togetherArrayShapePricesPerMillionAndType() {
        ModelFacts m = read("togetherai", "google/gemma-3n-E4B-it");
        assertEquals(32768L, m.contextWindow());
        assertPrice("0.02", m.inputPrice());
        assertPrice("0.04", m.outputPrice());
        assertEquals(ModelKind.CHAT, m.kind());
        assertEquals("Gemma 3N E4B Instruct", m.displayName());
        assertEquals(
                ModelKind.EMBEDDING,
                read("togetherai", "Alibaba-NLP/gte-modernbert-base").kind());
    }

    @Test
    void mistralMaxContextLengthAndCapabilities() {
        ModelFacts large = read("mistral", "mistral-large-latest");
        assertEquals(true, large.vision());
        assertEquals(true, large.toolCalling());
        assertEquals(ModelKind.CHAT, large.kind());
        assertTrue(large.contextWindow() > 0);

        ModelFacts ocr = read("mistral", "mistral-ocr-2503");
        assertEquals(16384L, ocr.contextWindow());
        assertEquals(ModelKind.CHAT, ocr.kind(), "Mistral says completion_chat: true");

        assertEquals(
                ModelKind.OTHER, read("mistral", "mistral-moderation-latest").kind());

        ModelFacts embed = read("mistral", "mistral-embed");
        assertNull(embed.kind(), "every capability false says nothing about the kind");
        assertEquals(false, embed.toolCalling());
    }

    @Test
    void featherlessContextOutputAndToolUse() {
        ModelFacts m = read("featherless", "AI-MO/Kimina-Prover-Distill-8B");
        assertEquals(16384L, m.contextWindow());
        assertEquals(4096L, m.maxOutputTokens());
        assertEquals(true, m.toolCalling());
        assertNull(
                read("featherless", "aristsakpinisaws/llama-31-hhrlhf-squad-rlhf-policy-model")
                        .toolCalling(),
                "features: null says nothing");
    }

    @Test
    void geminiDropsTheModelsPrefixAndInventsNothing() {
        ModelFacts m = read("gemini", "models/gemini-2.5-flash");
        assertEquals("models/gemini-2.5-flash", m.id());
        assertEquals("gemini-2.5-flash", m.name());
        for (Fact f : Fact.values()) {
            assertFalse(m.has(f), f + " is not in Gemini's list");
        }
    }

    @Test
    void genericFieldsOnlyWhatTheProviderSays() {
        ModelFacts groq = read("groq", "allam-2-7b");
        assertEquals(4096L, groq.contextWindow(), "context_window");
        assertEquals(4096L, groq.maxOutputTokens(), "max_completion_tokens");

        ModelFacts ids = read("openai", "gpt-4o");
        assertEquals("gpt-4o", ids.name());
        assertEquals(
                Instant.ofEpochSecond(entry("openai", "gpt-4o").get("created").asLong()), ids.created());
        for (Fact f : Fact.values()) {
            if (f != Fact.CREATED) {
                assertFalse(ids.has(f), f + ": OpenAI lists ids only");
            }
        }

        ModelFacts sambanova = read("sambanova", "Llama-3.3-Swallow-70B-Instruct-v0.4");
        assertEquals(131072L, sambanova.contextWindow());
        assertEquals(3072L, sambanova.maxOutputTokens());
        assertPrice("0.6", sambanova.inputPrice());
        assertPrice("1.2", sambanova.outputPrice());

        ModelFacts fireworks = read("fireworks", "accounts/fireworks/models/llama-v3p1-8b-instruct");
        assertEquals(false, fireworks.toolCalling());
        assertEquals(false, fireworks.vision());
        assertEquals(ModelKind.CHAT, fireworks.kind());

        ModelFacts friendli = read("friendli", "deepseek-ai/DeepSeek-R1-0528");
        assertNull(friendli.inputPrice(), "pricing per second is not a token price");
        assertEquals(false, friendli.toolCalling());

        assertNull(read("deepinfra", "BAAI/bge-base-en-v1.5").created(), "created: 0 means unknown");
    }

    @Test
    void deepInfraAndNovitaUnits() {
        ModelFacts di = read("deepinfra", "meta-llama/Meta-Llama-3.1-8B-Instruct");
        assertEquals(131072L, di.contextWindow());
        assertPrice("0.05", di.outputPrice());

        ModelFacts novita = read("novita", "meta-llama/llama-4-maverick-17b-128e-instruct-fp8");
        assertEquals(1048576L, novita.contextWindow());
        assertPrice("0.17", novita.inputPrice());
        assertPrice("0.85", novita.outputPrice());
        assertEquals(true, novita.vision());
        assertEquals(true, novita.toolCalling());
        assertEquals(ModelKind.CHAT, novita.kind());
    }

    @Test
    void poeMillisecondTimestampsAndOutputModalities() {
        JsonNode kling = entry("poe", "Kling-2.1-Pro");
        ModelFacts m = ProviderShape.GENERIC.read("Kling-2.1-Pro", kling);
        assertEquals(Instant.ofEpochMilli(1748544740987L), m.created());
        assertEquals(ModelKind.OTHER, m.kind(), "video output");
    }

    @Test
    void sambaNovaPricesSayWhichModelsAreNotChatModels() {
        assertEquals(
                ModelKind.OTHER,
                read("sambanova", "Whisper-Large-v3").kind(),
                "pricing.duration_per_hour: audio billed by the hour");
        assertEquals(
                ModelKind.EMBEDDING,
                read("sambanova", "E5-Mistral-7B-Instruct").kind(),
                "input tokens billed, output free: reads tokens and writes none");
        assertNull(read("sambanova", "Meta-Llama-3.3-70B-Instruct").kind(), "priced both ways: the prices say nothing");
        assertNull(read("atlascloud", "openai/gpt-oss-20b").kind(), "free both ways says nothing either");
    }

    @Test
    void chatEndpointFeaturesMakeAChatModelWhereNoFieldNamesTheKind() {
        assertEquals(
                ModelKind.CHAT, read("baseten", "deepseek-ai/DeepSeek-V3.1").kind(), "supported_features tools");
        ModelFacts maverick = read("friendli", "meta-llama/Llama-4-Maverick-17B-128E-Instruct");
        assertEquals(false, maverick.toolCalling());
        assertEquals(ModelKind.CHAT, maverick.kind(), "functionality.structured_output");
        assertEquals(ModelKind.CHAT, read("mancer", "magnum-72b-v4").kind(), "instruct_format ChatML");
        assertEquals(
                ModelKind.CHAT, read("huggingface", "HuggingFaceTB/SmolLM3-3B").kind(), "tools at hf-inference");
        assertNull(read("huggingface", "Qwen/QwQ-32B-Preview").kind(), "providers that say only their status");
        assertNull(read("groq", "moonshotai/kimi-k2-instruct-0905").kind(), "ids and limits say nothing");
        // a kind the provider names is never replaced
        assertEquals(ModelKind.OTHER, read("hyperbolic", "FLUX.1-dev").kind(), "supports_chat: false");
        assertEquals(
                ModelKind.EMBEDDING, read("togetherai", "BAAI/bge-base-en-v1.5").kind(), "type embedding");
    }

    @Test
    void theKindRulesOverTheWholeCorpus() {
        // per provider, the models each rule gives a kind to, from their own metadata only (no LiteLLM)
        Map<String, String> expected = Map.of(
                "baseten", "{CHAT=11}",
                "friendli", "{CHAT=10}",
                "mancer", "{CHAT=11}",
                "sambanova", "{EMBEDDING=1, OTHER=1, null=9}",
                "huggingface", "{CHAT=46, null=59}",
                "featherless", "{CHAT=71, null=6432}",
                "nebius", "{null=65}");
        expected.forEach((provider, counts) -> {
            Map<String, Integer> byKind = new TreeMap<>();
            ProviderShape shape = ProviderShape.forProvider(provider, false);
            CorpusEntries.list(provider)
                    .entries()
                    .forEach((id, e) ->
                            byKind.merge(String.valueOf(shape.read(id, e).kind()), 1, Integer::sum));
            assertEquals(counts, byKind.toString(), provider);
        });
    }
}
