package io.modelcatalog.facts;

import static io.modelcatalog.facts.CorpusEntries.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.providers.ProviderRegistry;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Modalities and release dates, read from real corpus entries. */
class ModalitiesAndReleaseDatesTest {

    private static final ModelNormalizer PLAIN = new ModelNormalizer(Optional.empty());
    private static final ModelNormalizer WITH_LITELLM =
            new ModelNormalizer(Optional.of(LiteLlmMap.of(CorpusEntries.list("litellm"))));

    private static Map<String, ModelFacts> normalize(ModelNormalizer n, String provider) {
        return n
                .normalize(ProviderRegistry.builtIn().find(provider).orElseThrow(), CorpusEntries.list(provider))
                .stream()
                .collect(Collectors.toMap(ModelFacts::name, Function.identity()));
    }

    private static ModelFacts read(String provider, String id) {
        return ProviderShape.forProvider(provider, false).read(id, entry(provider, id));
    }

    @Test
    void openRouterArchitectureListsWithFileAsPdf() {
        ModelFacts m = read("openrouter", "google/gemini-2.0-flash-001");
        assertEquals(EnumSet.of(Modality.TEXT, Modality.IMAGE, Modality.PDF, Modality.AUDIO), m.inputModalities());
        assertEquals(Set.of(Modality.TEXT), m.outputModalities());
        ModelFacts gpt4o = read("openrouter", "openai/gpt-4o");
        assertEquals(EnumSet.of(Modality.TEXT, Modality.IMAGE, Modality.PDF), gpt4o.inputModalities());
        ModelFacts textOnly = read("openrouter", "deepseek/deepseek-chat");
        assertEquals(Set.of(Modality.TEXT), textOnly.inputModalities());
    }

    @Test
    void poeImageGeneratorsProduceImages() {
        ModelFacts m = read("poe", "Clarity-Upscaler");
        assertEquals(Set.of(Modality.TEXT), m.inputModalities());
        assertEquals(Set.of(Modality.IMAGE), m.outputModalities());
        assertEquals(ModelKind.OTHER, m.kind());
    }

    @Test
    void llm7ModalitiesInputOnly() {
        ModelFacts m = read("llm7", "gpt-4o-mini-2024-07-18");
        assertEquals(EnumSet.of(Modality.TEXT, Modality.IMAGE), m.inputModalities());
        assertNull(m.outputModalities(), "llm7 lists no output modalities");
    }

    @Test
    void targonTopLevelLists() {
        ModelFacts m = read("targon", "deepseek-ai/DeepSeek-R1");
        assertEquals(Set.of(Modality.TEXT), m.inputModalities());
        assertEquals(Set.of(Modality.TEXT), m.outputModalities());
        assertEquals(true, m.reasoning(), "reasoning in supported_features");
    }

    @Test
    void liteLlmSupportedModalitiesFillGemini() {
        ModelFacts flash = normalize(WITH_LITELLM, "gemini").get("gemini-2.5-flash");
        assertEquals(
                EnumSet.of(Modality.TEXT, Modality.IMAGE, Modality.AUDIO, Modality.VIDEO), flash.inputModalities());
        assertEquals(Set.of(Modality.TEXT), flash.outputModalities());
        assertTrue(flash.fromLiteLlm().containsAll(Set.of(Fact.INPUT_MODALITIES, Fact.OUTPUT_MODALITIES)));
    }

    @Test
    void aVisionChatModelWithoutListsTakesTextAndImages() {
        ModelFacts maverick =
                normalize(PLAIN, "fireworks").get("accounts/fireworks/models/llama4-maverick-instruct-basic");
        assertEquals(true, maverick.vision());
        assertEquals(EnumSet.of(Modality.TEXT, Modality.IMAGE), maverick.inputModalities());
        assertEquals(Set.of(Modality.TEXT), maverick.outputModalities());
        assertFalse(maverick.fromLiteLlm().contains(Fact.INPUT_MODALITIES));

        ModelFacts r1 = normalize(PLAIN, "fireworks").get("accounts/fireworks/models/deepseek-r1");
        assertEquals(false, r1.vision());
        assertNull(r1.inputModalities(), "no image input says nothing about audio or files: unknown");

        // OpenAI lists ids only: vision and kind came from LiteLLM, so the modalities did too
        ModelFacts gpt4o = normalize(WITH_LITELLM, "openai").get("gpt-4o");
        assertEquals(EnumSet.of(Modality.TEXT, Modality.IMAGE), gpt4o.inputModalities());
        assertTrue(gpt4o.fromLiteLlm().contains(Fact.INPUT_MODALITIES));
    }

    @Test
    void releaseDatesAreTheCreationDaysOfProvidersThatDateTheirModels() {
        assertEquals(
                LocalDate.of(2024, 5, 10),
                normalize(PLAIN, "openai").get("gpt-4o").releaseDate());
        assertEquals(
                LocalDate.of(2024, 6, 20),
                normalize(PLAIN, "anthropic").get("claude-3-5-sonnet-20240620").releaseDate());
        // two models released together: too few to call it a stamp
        assertEquals(
                LocalDate.of(2025, 7, 27),
                normalize(PLAIN, "zai").get("glm-4.5").releaseDate());
        assertNull(normalize(PLAIN, "deepinfra").values().iterator().next().releaseDate(), "created: 0");
    }

    @Test
    void aDayStampedOnEveryModelIsNoReleaseDate() {
        // the time of the response (Mistral, Moonshot, Nebius, Chutes...) or a constant (Atlas Cloud, Infermatic)
        for (String p : List.of("mistral", "moonshot", "nebius", "chutes", "llm7", "atlascloud", "infermatic")) {
            Map<String, ModelFacts> models = normalize(PLAIN, p);
            assertTrue(models.values().stream().anyMatch(m -> m.created() != null), p + " has created");
            assertTrue(models.values().stream().allMatch(m -> m.releaseDate() == null), p);
        }
    }
}
