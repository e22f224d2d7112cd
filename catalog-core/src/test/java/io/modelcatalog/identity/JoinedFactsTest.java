package io.modelcatalog.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        return index.familyOf(provider, id).orElseThrow().members().stream()
                .filter(m -> m.provider().equals(provider) && m.id().equals(id))
                .findFirst()
                .orElseThrow();
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
}
