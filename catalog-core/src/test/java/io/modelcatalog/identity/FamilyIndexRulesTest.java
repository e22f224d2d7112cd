package io.modelcatalog.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcatalog.facts.ModelFacts;
import io.modelcatalog.facts.ModelKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per rule of joining listings, on small made-up catalogs. */
class FamilyIndexRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Listing listing(String provider, String id, String... fields) {
        ObjectNode e = JSON.createObjectNode();
        e.put("id", id);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            e.put(fields[i], fields[i + 1]);
        }
        return new Listing(provider, id, e, null);
    }

    private static Member member(FamilyIndex index, String provider, String id) {
        return index.member(provider, id).orElseThrow();
    }

    private static String family(FamilyIndex index, String provider, String id) {
        return index.familyOf(provider, id).orElseThrow().id();
    }

    @Test
    void metadataNamingTheWeightsOutranksTheName() {
        FamilyIndex index = FamilyIndex.build(List.of(
                listing("openrouter", "moonshotai/kimi-k2", "hugging_face_id", "moonshotai/Kimi-K2-Instruct"),
                listing("huggingface", "moonshotai/Kimi-K2-Instruct"),
                listing("groq", "moonshotai/kimi-k2-instruct")));
        assertEquals("moonshotai/kimi-k2-instruct", family(index, "openrouter", "moonshotai/kimi-k2"));
        assertEquals("moonshotai/kimi-k2-instruct", family(index, "groq", "moonshotai/kimi-k2-instruct"));
        Member m = member(index, "openrouter", "moonshotai/kimi-k2");
        assertEquals("hugging_face_id moonshotai/Kimi-K2-Instruct", m.joinedBy());
    }

    @Test
    void metadataThatNamesAnotherModelIsNotTaken() {
        FamilyIndex index = FamilyIndex.build(List.of(
                listing(
                        "togetherai",
                        "black-forest-labs/FLUX.1.1-pro",
                        "link",
                        "https://huggingface.co/black-forest-labs/FLUX.1-schnell"),
                listing(
                        "togetherai",
                        "black-forest-labs/FLUX.1-schnell",
                        "link",
                        "https://huggingface.co/black-forest-labs/FLUX.1-schnell"),
                listing(
                        "openrouter",
                        "aion-labs/aion-1.0-mini",
                        "hugging_face_id",
                        "FuseAI/FuseO1-DeepSeekR1-QwQ-SkyT1-32B-Preview"),
                listing("huggingface", "FuseAI/FuseO1-DeepSeekR1-QwQ-SkyT1-32B-Preview")));
        assertNotEquals(
                family(index, "togetherai", "black-forest-labs/FLUX.1.1-pro"),
                family(index, "togetherai", "black-forest-labs/FLUX.1-schnell"));
        assertNotEquals(
                family(index, "openrouter", "aion-labs/aion-1.0-mini"),
                family(index, "huggingface", "FuseAI/FuseO1-DeepSeekR1-QwQ-SkyT1-32B-Preview"));
    }

    @Test
    void anIdWithoutOrgOrKindJoinsTheInstructFamilyOfOpenWeights() {
        FamilyIndex index = FamilyIndex.build(List.of(
                listing("huggingface", "meta-llama/Llama-3.3-70B-Instruct"),
                listing("cerebras", "llama-3.3-70b"),
                listing("groq", "llama-3.3-70b-versatile"),
                listing("sambanova", "Meta-Llama-3.3-70B-Instruct")));
        for (String[] m : new String[][] {
            {"cerebras", "llama-3.3-70b"},
            {"groq", "llama-3.3-70b-versatile"},
            {"sambanova", "Meta-Llama-3.3-70B-Instruct"}
        }) {
            assertEquals("meta-llama/llama-3.3-70b-instruct", family(index, m[0], m[1]), m[1]);
        }
    }

    @Test
    void aClosedModelsChatVariantIsAnotherModel() {
        FamilyIndex index = FamilyIndex.build(List.of(
                listing("openai", "gpt-5"),
                listing("openrouter", "openai/gpt-5-chat", "hugging_face_id", ""),
                listing("openai", "gpt-3.5-turbo"),
                listing("openai", "gpt-3.5-turbo-instruct")));
        assertNotEquals(family(index, "openai", "gpt-5"), family(index, "openrouter", "openai/gpt-5-chat"));
        assertNotEquals(family(index, "openai", "gpt-3.5-turbo"), family(index, "openai", "gpt-3.5-turbo-instruct"));
    }

    @Test
    void tierWordsSplitOffOnlyForOpenWeights() {
        FamilyIndex open = FamilyIndex.build(List.of(
                listing("huggingface", "deepseek-ai/DeepSeek-V3-0324"),
                listing("deepinfra", "deepseek-ai/DeepSeek-V3-0324-Turbo")));
        assertEquals("deepseek-ai/deepseek-v3-0324", family(open, "deepinfra", "deepseek-ai/DeepSeek-V3-0324-Turbo"));
        FamilyIndex closed =
                FamilyIndex.build(List.of(listing("a", "acme/writer-70b"), listing("b", "acme/writer-70b-fast")));
        assertNotEquals(family(closed, "a", "acme/writer-70b"), family(closed, "b", "acme/writer-70b-fast"));
    }

    @Test
    void anotherOrgsUploadOfTheSameNameIsAnotherFamily() {
        FamilyIndex index = FamilyIndex.build(List.of(
                listing("huggingface", "meta-llama/Llama-3.3-70B-Instruct"),
                listing("nebius", "meta-llama/Llama-3.3-70B-Instruct"),
                listing("featherless", "unsloth/Llama-3.3-70B-Instruct"),
                listing("cerebras", "llama-3.3-70b")));
        assertNotEquals(
                family(index, "featherless", "unsloth/Llama-3.3-70B-Instruct"),
                family(index, "nebius", "meta-llama/Llama-3.3-70B-Instruct"));
        // an id without an org joins the maker served by the most providers
        assertEquals("meta-llama/llama-3.3-70b-instruct", family(index, "cerebras", "llama-3.3-70b"));
    }

    @Test
    void orgsOfOneMakerJoin() {
        FamilyIndex index = FamilyIndex.build(List.of(
                listing("huggingface", "deepseek-ai/DeepSeek-R1-0528"),
                listing("novita", "deepseek/deepseek-r1-0528"),
                listing("openrouter", "z-ai/glm-4.5"),
                listing("huggingface", "zai-org/GLM-4.5")));
        assertEquals("deepseek-ai/deepseek-r1-0528", family(index, "novita", "deepseek/deepseek-r1-0528"));
        assertEquals("zai-org/glm-4.5", family(index, "openrouter", "z-ai/glm-4.5"));
    }

    @Test
    void aHostOrgGivesWayToTheMakerTheDisplayNameNames() {
        FamilyIndex index = FamilyIndex.build(List.of(
                listing("huggingface", "openai/gpt-oss-120b"),
                listing("redpill", "phala/gpt-oss-120b", "name", "OpenAI: GPT OSS 120B"),
                listing("redpill", "phala/qwen-2.5-7b-instruct", "name", "Qwen2.5 7B Instruct"),
                listing("huggingface", "Qwen/Qwen2.5-7B-Instruct")));
        assertEquals("openai/gpt-oss-120b", family(index, "redpill", "phala/gpt-oss-120b"));
        assertNotEquals("qwen/qwen2.5-7b-instruct", family(index, "redpill", "phala/qwen-2.5-7b-instruct"));
    }

    @Test
    void aModelAtOneProviderIsAFamilyOfOne() {
        FamilyIndex index = FamilyIndex.build(List.of(listing("anthropic", "claude-opus-4-1-20250805")));
        Family f = index.families().get(0);
        assertEquals("anthropic/claude-opus-4-1-20250805", f.id());
        assertEquals("only listing", f.members().get(0).joinedBy());
    }

    @Test
    void theResultDoesNotDependOnTheOrderOfListings() {
        List<Listing> listings = new ArrayList<>(List.of(
                listing("huggingface", "openai/gpt-oss-120b"),
                listing("cerebras", "gpt-oss-120b"),
                listing("openrouter", "openai/gpt-oss-120b:free", "hugging_face_id", "openai/gpt-oss-120b"),
                listing("fireworks", "accounts/fireworks/models/gpt-oss-20b")));
        List<Family> first = FamilyIndex.build(listings).families();
        Collections.reverse(listings);
        assertEquals(first, FamilyIndex.build(listings).families());
    }

    @Test
    void aProvidersNameInFrontOfMostOfItsIdsIsAHostPrefix() {
        FamilyIndex index = FamilyIndex.build(List.of(
                listing("huggingface", "openai/gpt-oss-120b"),
                listing("huggingface", "Qwen/Qwen3-32B"),
                listing("parasail", "parasail-gpt-oss-120b"),
                listing("parasail", "parasail-qwen3-32b"),
                listing("parasail", "parasail-kimi-k2"),
                listing("mistral", "mistral-large-2411"),
                listing("mistral", "codestral-2501"),
                listing("mistral", "pixtral-12b"),
                listing("mistral", "ministral-8b")));
        assertEquals("openai/gpt-oss-120b", family(index, "parasail", "parasail-gpt-oss-120b"));
        assertEquals("qwen/qwen3-32b", family(index, "parasail", "parasail-qwen3-32b"));
        // on one id of four the name is the model's own: mistral-large is not "large"
        assertEquals("mistral/mistral-large-2411", family(index, "mistral", "mistral-large-2411"));
    }

    @Test
    void anIdWithoutAnOrgJoinsNoneOfTwoOrgsServedAsWidely() {
        FamilyIndex index = FamilyIndex.build(List.of(
                listing("huggingface", "acme/Writer-70B-Instruct"),
                listing("featherless", "other/Writer-70B-Instruct"),
                listing("cerebras", "writer-70b-instruct")));
        String lone = family(index, "cerebras", "writer-70b-instruct");
        assertNotEquals(family(index, "huggingface", "acme/Writer-70B-Instruct"), lone);
        assertNotEquals(family(index, "featherless", "other/Writer-70B-Instruct"), lone);
    }

    @Test
    void aQuantizationPathSegmentOrSuffixIsAVariantOfTheSameFamily() {
        FamilyIndex index = FamilyIndex.build(List.of(
                listing("huggingface", "meta-llama/Llama-3.3-70B-Instruct"),
                listing("inference", "meta-llama/llama-3.3-70b-instruct/fp-8"),
                listing("infermatic", "meta-llama/Llama-3.3-70B-Instruct-FP8-Dynamic")));
        assertEquals(
                "meta-llama/llama-3.3-70b-instruct",
                family(index, "inference", "meta-llama/llama-3.3-70b-instruct/fp-8"));
        Member fp8 = member(index, "inference", "meta-llama/llama-3.3-70b-instruct/fp-8");
        assertEquals(List.of("fp8"), fp8.variant());
    }

    @Test
    void freeIsATierEvenOfClosedWeights() {
        FamilyIndex index = FamilyIndex.build(
                List.of(listing("openrouter", "acme/writer-70b"), listing("openrouter", "acme/writer-70b:free")));
        assertEquals(
                family(index, "openrouter", "acme/writer-70b"), family(index, "openrouter", "acme/writer-70b:free"));
    }

    @Test
    void aLeadingWordIsTheMakersOnlyWhenSomeOrgIsThatWord() {
        FamilyIndex index = FamilyIndex.build(List.of(
                listing("huggingface", "meta-llama/Llama-3.3-70B-Instruct"),
                listing("sambanova", "Meta-Llama-3.3-70B-Instruct"),
                listing("featherless", "SentientAGI/Dobby-Unhinged-Llama-3.3-70B"),
                listing("poe", "Dobby-Llama-3.3-70B-Instruct")));
        assertEquals("meta-llama/llama-3.3-70b-instruct", family(index, "sambanova", "Meta-Llama-3.3-70B-Instruct"));
        // no org is "dobby": the word stays and the listing is not Meta's
        assertNotEquals("meta-llama/llama-3.3-70b-instruct", family(index, "poe", "Dobby-Llama-3.3-70B-Instruct"));
    }

    private static Listing listing(String provider, String id, ModelKind kind) {
        ObjectNode e = JSON.createObjectNode();
        e.put("id", id);
        return new Listing(provider, id, e, ModelFacts.builder(id).kind(kind).build());
    }

    @Test
    void aTierWordAfterAVersionIsATierOfAChatModelOrWhereTheProviderUsesItAsOne() {
        FamilyIndex index = FamilyIndex.build(List.of(
                listing("huggingface", "deepseek-ai/DeepSeek-R1"),
                listing("novita", "deepseek/deepseek-r1-turbo", ModelKind.CHAT),
                listing("huggingface", "openai/whisper-large-v3"),
                listing("groq", "whisper-large-v3-turbo", ModelKind.OTHER),
                listing("huggingface", "Qwen/Qwen3-32B"),
                listing("huggingface", "Qwen/Qwen3-4B"),
                listing("huggingface", "google/gemma-3-27b-it"),
                listing("nebius", "Qwen/Qwen3-32B-fast"),
                listing("nebius", "Qwen/Qwen3-4B-fast"),
                listing("nebius", "google/gemma-3-27b-it-fast"),
                listing("nebius", "deepseek-ai/DeepSeek-R1-fast"),
                listing("other", "deepseek-ai/DeepSeek-R1-fast")));
        assertEquals("deepseek-ai/deepseek-r1", family(index, "novita", "deepseek/deepseek-r1-turbo"));
        Member turbo = member(index, "novita", "deepseek/deepseek-r1-turbo");
        assertEquals(List.of("turbo"), turbo.variant());
        // a speech model's "turbo" is another model
        assertNotEquals("openai/whisper-large-v3", family(index, "groq", "whisper-large-v3-turbo"));
        // kind unknown: nebius ends three other ids with -fast as a tier, so it is one here too; a provider that
        // does not keeps it a word
        assertEquals("deepseek-ai/deepseek-r1", family(index, "nebius", "deepseek-ai/DeepSeek-R1-fast"));
        assertNotEquals("deepseek-ai/deepseek-r1", family(index, "other", "deepseek-ai/DeepSeek-R1-fast"));
    }

    @Test
    void aVersionWrittenAsTwoDigitsRunTogetherIsReadAsTheOpenWeightsOfThatVersion() {
        FamilyIndex index = FamilyIndex.build(List.of(
                listing("huggingface", "meta-llama/Llama-3.3-70B-Instruct"),
                listing("huggingface", "zai-org/GLM-4.5"),
                listing("huggingface", "Qwen/Qwen2.5-VL-72B-Instruct"),
                listing("parasail", "parasail-llama-33-70b-fp8"),
                listing("parasail", "parasail-glm-45"),
                listing("parasail", "parasail-qwen25-vl-72b-instruct"),
                listing("parasail", "parasail-mistral-small-32-24b"),
                listing("acme", "acme/writer-45")));
        assertEquals("meta-llama/llama-3.3-70b-instruct", family(index, "parasail", "parasail-llama-33-70b-fp8"));
        assertEquals("zai-org/glm-4.5", family(index, "parasail", "parasail-glm-45"));
        assertEquals("qwen/qwen2.5-vl-72b-instruct", family(index, "parasail", "parasail-qwen25-vl-72b-instruct"));
        // no open weights of that version: the digits stay as written
        assertEquals("parasail/mistral-small-32-24b", family(index, "parasail", "parasail-mistral-small-32-24b"));
        assertEquals("acme/writer-45", family(index, "acme", "acme/writer-45"));
    }

    @Test
    void sizesAndDatesAreNotVersionsRunTogether() {
        java.util.Set<String> open = java.util.Set.of("llama 3 3 7 0b", "kimi k 2 0 905");
        assertEquals(null, FamilyIndex.splitVersion(ModelName.parse("llama-3.3-70b", null), open));
        assertEquals(null, FamilyIndex.splitVersion(ModelName.parse("kimi-k2-0905", null), open));
    }
}
