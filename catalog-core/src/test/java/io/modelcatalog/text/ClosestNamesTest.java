package io.modelcatalog.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestNamesTest {

    private static final List<String> PROVIDERS = List.of("groq", "openai", "openrouter", "mistral", "together");

    @Test
    void closestPutsNamesHoldingTheQueryFirstThenFewestEdits() {
        assertEquals(List.of("openai", "openrouter"), ClosestNames.closest("open", PROVIDERS, 2));
        assertEquals(List.of("groq"), ClosestNames.closest("GROK", PROVIDERS, 1));
    }

    @Test
    void likelyOffersOnlyWhatIsClose() {
        assertEquals(List.of("groq"), ClosestNames.likely("Groq", PROVIDERS, 3));
        assertEquals(List.of("mistral"), ClosestNames.likely("mistrall", PROVIDERS, 3));
        assertEquals(List.of(), ClosestNames.likely("anthropic", PROVIDERS, 3));
        assertEquals(3, ClosestNames.distance("kitten", "sitting"));
    }
}
