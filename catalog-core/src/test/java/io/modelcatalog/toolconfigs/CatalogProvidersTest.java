package io.modelcatalog.toolconfigs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.modelcatalog.facts.CorpusEntries;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one reading of the catalog that generate-configs and update-configs share. */
class CatalogProvidersTest {

    static CatalogProviders.Selection read(Path catalog, List<String> names, ModelIdFilter filter) throws IOException {
        return CatalogProviders.read(CatalogQuery.builder(catalog)
                .providers(names)
                .filter(filter)
                .registry(ProviderRegistry.builtIn())
                .env(EnvironmentLookup.of(Map.of()))
                .build());
    }

    @Test
    void theNamedProvidersInRegistryOrderWithWhatTheFilterLeftOut() throws IOException {
        CatalogProviders.Selection s = read(
                CorpusEntries.catalogDir(), List.of("mistral", "groq"), ModelIdFilter.of(List.of(), List.of("*a*")));
        assertEquals(List.of("groq", "mistral"), s.selected());
        CatalogProviders.Provider groq = s.providers().get(0);
        int all = read(CorpusEntries.catalogDir(), List.of("groq"), ModelIdFilter.all())
                .models()
                .get(0)
                .models()
                .size();
        assertEquals(all, groq.models().models().size() + groq.leftOut());
        assertEquals(
                "models_groq.json", groq.models().header("#").split(" from ")[1].split(";")[0]);
    }

    @Test
    void whatTheCatalogCannotGiveIsOneExceptionWithItsReason(@TempDir Path dir) throws IOException {
        Path absent = dir.resolve("absent");
        CatalogSelectionException noCatalog =
                assertThrows(CatalogSelectionException.class, () -> read(absent, List.of(), ModelIdFilter.all()));
        assertEquals(CatalogSelectionException.Reason.NO_CATALOG, noCatalog.reason());
        assertEquals(absent, noCatalog.path());

        Path file = Files.writeString(dir.resolve("models-file"), "x");
        CatalogSelectionException isAFile =
                assertThrows(CatalogSelectionException.class, () -> read(file, List.of(), ModelIdFilter.all()));
        assertEquals(CatalogSelectionException.Reason.CATALOG_IS_A_FILE, isAFile.reason());
        assertEquals(
                "catalog folder " + file + " is a regular file, not a folder: point to the folder that holds the "
                        + "catalog",
                isAFile.getMessage());

        CatalogSelectionException notInCatalog =
                assertThrows(CatalogSelectionException.class, () -> read(dir, List.of("groq"), ModelIdFilter.all()));
        assertEquals(CatalogSelectionException.Reason.NOT_IN_CATALOG, notInCatalog.reason());
        assertEquals("groq", notInCatalog.provider());
        assertEquals(dir.resolve("models_groq.json"), notInCatalog.path());
    }

    /**
     * Anthropic requires max_tokens and lists no max output: on the corpus, LiteLLM's entries for Anthropic's own ids
     * give every model one, and the config says where it came from instead of asking the user to set it.
     */
    @Test
    void aichatsAnthropicModelsGetMaxOutputTokensFromLiteLlmsAnthropicEntries() throws IOException {
        ProviderModels anthropic = read(CorpusEntries.catalogDir(), List.of("anthropic"), ModelIdFilter.all())
                .models()
                .get(0);
        String text = new String(AichatConfig.toBytes(anthropic), StandardCharsets.UTF_8);
        assertFalse(text.contains("max_output_tokens unknown"), text);
        JsonNode models = new YAMLMapper().readTree(text).get("clients").get(0).get("models");
        assertEquals(9, models.size());
        for (JsonNode m : models) {
            assertTrue(m.get("max_output_tokens").asLong() > 0, m::toString);
        }
        assertTrue(
                text.contains("      - name: \"claude-opus-4-1-20250805\"\n"
                        + "        max_input_tokens: 200000\n"
                        + "        max_output_tokens: 32000\n"
                        + "        require_max_tokens: true\n"),
                text);
        assertTrue(text.contains("# from LiteLLM's map: max_input_tokens, max_output_tokens, "), text);
    }
}
