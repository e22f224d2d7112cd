package io.modelcatalog.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per rule of reading an id. */
class ModelNameTest {

    private static String key(String id, String provider) {
        return ModelName.parse(id, provider).key();
    }

    @Test
    void vendorPathsAndModelsPrefixAreNotPartOfTheName() {
        ModelName n = ModelName.parse("accounts/fireworks/models/gpt-oss-120b", "fireworks");
        assertNull(n.org());
        assertEquals("gpt oss 120b", n.key());
        assertEquals("gemma 3 27b", key("models/gemma-3-27b-it", "gemini"));
    }

    @Test
    void theProvidersOwnNameInFrontIsAHostPrefix() {
        assertEquals("gpt oss 120b", key("parasail-gpt-oss-120b", "parasail"));
    }

    @Test
    void orgPathAndCaseAreRead() {
        ModelName n = ModelName.parse("Qwen/Qwen3-235B-A22B-Instruct-2507", "huggingface");
        assertEquals("qwen", n.org());
        assertEquals(ModelName.Kind.INSTRUCT, n.kind());
        assertEquals(n.key(), key("qwen/qwen3-235b-a22b-instruct-2507", "novita"));
    }

    @Test
    void separatorsAndVersionSpellingsAreOne() {
        assertEquals(key("zai-org/GLM-4.5", "x"), key("accounts/fireworks/models/glm-4p5", "fireworks"));
        assertEquals(key("llama-3.3-70b", "x"), key("llama-3-3-70b", "x"));
        assertEquals(key("llama-3.3-70b", "x"), key("llama-v3p3-70b-instruct", "x"));
        assertEquals(key("Qwen/Qwen2.5-72B-Instruct", "x"), key("qwen/qwen-2.5-72b-instruct", "x"));
        assertEquals(key("Llama-3.1-Nemotron", "x"), key("Llama-3_1-Nemotron", "x"));
        // digits run together are another number, not a spelling of 3.3
        assertNotEquals(key("llama-3.3-70b", "x"), key("llama-33-70b", "x"));
    }

    @Test
    void servingTierWordsAtTheEndAreVariants() {
        ModelName n = ModelName.parse("meta-llama/Llama-3.3-70B-Instruct-Turbo-Free", "togetherai");
        assertEquals(List.of("turbo", "free"), n.tiers());
        assertEquals("llama 3 3 70b", n.key());
        assertEquals(
                List.of("versatile"),
                ModelName.parse("llama-3.3-70b-versatile", "groq").tiers());
        assertEquals(
                List.of("instant"),
                ModelName.parse("llama-3.1-8b-instant", "groq").tiers());
        assertEquals(
                List.of("fast"),
                ModelName.parse("Qwen/Qwen3-32B-fast", "nebius").tiers());
        assertEquals(
                List.of("tput"),
                ModelName.parse("Qwen/Qwen3-235B-A22B-Instruct-2507-tput", "x").tiers());
        assertEquals(
                List.of("free"),
                ModelName.parse("openai/gpt-oss-120b:free", "openrouter").tiers());
    }

    @Test
    void aTierWordAfterAVersionNumberIsPartOfTheName() {
        assertEquals(List.of(), ModelName.parse("gpt-4-turbo", "openai").tiers());
        assertNotEquals(key("gpt-4", "openai"), key("gpt-4-turbo", "openai"));
        assertNotEquals(key("whisper-large-v3", "groq"), key("whisper-large-v3-turbo", "groq"));
        assertNotEquals(key("gpt-3.5-turbo", "openai"), key("gpt-3.5", "openai"));
    }

    @Test
    void quantizationTagsAreVariants() {
        assertEquals(
                List.of("fp8"),
                ModelName.parse("meta-llama/llama-3.3-70b-instruct/fp-8", "inference")
                        .quants());
        assertEquals("llama 3 3 70b", key("meta-llama/llama-3.3-70b-instruct/fp-8", "inference"));
        assertEquals(
                List.of("fp8"), ModelName.parse("qwen/qwen3-32b-fp8", "novita").quants());
        assertEquals(
                List.of("bf16"),
                ModelName.parse("Qwen/Qwen3-8B-MLX-bf16", "x").variant().subList(1, 2));
        assertEquals(
                List.of("q4km"),
                ModelName.parse("koboldcpp/Model-12B.Q4_K_M", "x").quants());
        assertEquals(key("qwen/qwen3-32b", "x"), key("qwen/qwen3-32b-fp8", "x"));
    }

    @Test
    void instructBaseAndThinkingAreKeptApart() {
        assertEquals(
                ModelName.Kind.BASE,
                ModelName.parse("Qwen/Qwen2.5-Coder-7B-Base", "x").kind());
        assertEquals(
                ModelName.Kind.INSTRUCT,
                ModelName.parse("google/gemma-3-27b-it", "x").kind());
        assertEquals(
                ModelName.Kind.UNSAID,
                ModelName.parse("meta-llama/Llama-3.1-8B", "x").kind());
        assertNotEquals(key("Qwen/Qwen3-235B-A22B-Instruct-2507", "x"), key("Qwen/Qwen3-235B-A22B-Thinking-2507", "x"));
    }

    @Test
    void versionsDatesSizesDistillsAndFineTunesAreWords() {
        assertNotEquals(key("deepseek-ai/DeepSeek-R1", "x"), key("deepseek-ai/DeepSeek-R1-0528", "x"));
        assertNotEquals(key("deepseek-ai/DeepSeek-V3", "x"), key("deepseek-ai/DeepSeek-V3.1", "x"));
        assertNotEquals(key("deepseek-ai/DeepSeek-V3-0324", "x"), key("deepseek-ai/DeepSeek-V3", "x"));
        assertNotEquals(key("moonshotai/Kimi-K2-Instruct", "x"), key("moonshotai/Kimi-K2-Instruct-0905", "x"));
        assertNotEquals(key("openai/gpt-oss-120b", "x"), key("openai/gpt-oss-20b", "x"));
        assertNotEquals(key("deepseek-ai/DeepSeek-R1", "x"), key("deepseek-ai/DeepSeek-R1-Distill-Llama-70B", "x"));
        assertNotEquals(
                key("meta-llama/Llama-3.3-70B-Instruct", "x"), key("x/Llama-3.3-70B-Instruct-abliterated", "x"));
    }
}
