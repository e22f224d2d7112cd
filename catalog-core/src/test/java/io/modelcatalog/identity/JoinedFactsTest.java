package io.modelcatalog.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.facts.CorpusEntries;
import io.modelcatalog.facts.Fact;
import io.modelcatalog.providers.ProviderRegistry;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Facts joined across sources for the same model at the same provider, never across providers: the corpus's Anthropic
 * models get max output tokens and cache prices from LiteLLM's entries for Anthropic, with their source.
 */
class JoinedFactsTest {

    private static FamilyIndex index;

    @BeforeAll
    static void build() throws Exception {
        index = FamilyIndex.build(CatalogListings.read(CorpusEntries.catalogDir(), ProviderRegistry.builtIn()));
    }

    private static Member member(String provider, String id) {
        return index.member(provider, id).orElseThrow();
    }

    @Test
    void anthropicsModelsGetMaxOutputTokensAndCachePricesFromLiteLlmForAnthropic() {
        Member opus = member("anthropic", "claude-opus-4-1-20250805");
        assertEquals(32000L, opus.facts().maxOutputTokens());
        assertTrue(opus.facts().fromLiteLlm().contains(Fact.MAX_OUTPUT_TOKENS));
        assertEquals(new BigDecimal("1.5"), opus.cached().usdPerMillion());
        assertEquals("litellm claude-opus-4-1-20250805", opus.cached().source());
    }

    @Test
    void aProvidersOwnCachePriceComesFirst() {
        Member haiku = member("openrouter", "anthropic/claude-3.5-haiku-20241022");
        assertEquals(new BigDecimal("0.08"), haiku.cached().usdPerMillion());
        assertEquals("provider", haiku.cached().source());
    }

    @Test
    void noPriceIsCopiedToAnotherProviderOfTheSameFamily() {
        Family haiku = index.familyOf("anthropic", "claude-3-5-haiku-20241022").orElseThrow();
        Member atlas = member("atlascloud", "claude-3-5-haiku-20241022");
        assertEquals(
                haiku, index.familyOf("atlascloud", "claude-3-5-haiku-20241022").orElseThrow());
        assertNull(atlas.cached());
        assertTrue(atlas.facts().fromLiteLlm().isEmpty());
    }

    @Test
    void groqsPricesComeFromLiteLlmsGroqKeysItsOwnMaxOutputStays() {
        Member versatile = member("groq", "llama-3.3-70b-versatile");
        assertEquals(0, new BigDecimal("0.59").compareTo(versatile.facts().inputPrice()));
        assertTrue(versatile.facts().fromLiteLlm().contains(Fact.INPUT_PRICE));
        assertTrue(versatile.facts().fromLiteLlm().contains(Fact.OUTPUT_PRICE));
        // groq lists max_completion_tokens itself: LiteLLM's 32768 does not replace it
        assertEquals(
                CorpusEntries.entry("groq", "llama-3.3-70b-versatile")
                        .get("max_completion_tokens")
                        .asLong(),
                versatile.facts().maxOutputTokens());
        assertFalse(versatile.facts().fromLiteLlm().contains(Fact.MAX_OUTPUT_TOKENS));
    }

    @Test
    void aModelLiteLlmHasNoEntryForAtItsProviderGetsNothingFromTheOthers() {
        // LiteLLM knows groq/moonshotai/kimi-k2-instruct, not the -0905 release: no price is borrowed from it
        Member k2 = member("groq", "moonshotai/kimi-k2-instruct-0905");
        assertNull(k2.facts().inputPrice());
        assertTrue(k2.facts().fromLiteLlm().isEmpty());
        // 16 other providers serve gpt-oss-120b, most with a price; cerebras lists none and LiteLLM has no
        // cerebras entry for it, so it has none
        Family oss = index.familyOf("cerebras", "gpt-oss-120b").orElseThrow();
        assertTrue(oss.members().stream()
                        .filter(m -> m.facts().inputPrice() != null)
                        .count()
                >= 10);
        Member cerebras = member("cerebras", "gpt-oss-120b");
        assertNull(cerebras.facts().inputPrice());
        assertNull(cerebras.cached());
        assertTrue(cerebras.facts().fromLiteLlm().isEmpty());
    }
}
