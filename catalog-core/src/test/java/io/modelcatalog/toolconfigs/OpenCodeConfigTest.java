package io.modelcatalog.toolconfigs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcatalog.facts.CorpusEntries;
import io.modelcatalog.facts.Modality;
import io.modelcatalog.facts.ModelFacts;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderKind;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.tools.Tool;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code opencode/models_<p>.json} for the whole corpus, read back and checked against the shape OpenCode 1.18.33
 * validates (the real binary loads them in catalog-it's OpenCodeCliIT), and byte for byte on a small case.
 */
class OpenCodeConfigTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> MODEL_KEYS =
            Set.of("status", "name", "release_date", "reasoning", "tool_call", "modalities", "limit", "cost");
    private static final Set<String> MODALITIES = Set.of("text", "audio", "image", "video", "pdf");

    @TempDir
    static Path out;

    static GenerateConfigsResult result;

    @BeforeAll
    static void generate() throws IOException {
        result = new ConfigGenerator()
                .generate(new GenerateConfigsRequest(
                        CatalogQuery.builder(CorpusEntries.catalogDir())
                                .registry(ProviderRegistry.builtIn())
                                .env(EnvironmentLookup.of(Map.of()))
                                .build(),
                        out,
                        Tool.writers(Set.of(Tool.OPENCODE))));
    }

    private static JsonNode provider(String p) throws IOException {
        JsonNode doc =
                JSON.readTree(out.resolve("opencode/models_" + p + ".json").toFile());
        assertEquals(Set.of("$schema", "provider"), fieldNames(doc), p);
        assertEquals("https://opencode.ai/config.json", doc.get("$schema").asText());
        assertEquals(Set.of(p), fieldNames(doc.get("provider")), p);
        return doc.get("provider").get(p);
    }

    private static Set<String> fieldNames(JsonNode n) {
        Set<String> names = new LinkedHashSet<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void onlyOpenCodeFilesAreWrittenWhenOnlyOpenCodeIsAsked() throws IOException {
        try (var s = Files.list(out)) {
            assertEquals(
                    List.of(out.resolve(".model-catalog-generated.json"), out.resolve("opencode")),
                    s.sorted().toList());
        }
        assertEquals(result.generated().size(), result.written().size(), "one file per provider: " + result.written());
    }

    @Test
    void everyProviderFileHasTheSchemaShapeAndExactlyTheCatalogsModels() throws IOException {
        for (GenerateConfigsResult.ProviderSummary s : result.generated()) {
            String p = s.provider();
            JsonNode entry = provider(p);
            assertEquals(
                    p.equals("anthropic") ? "@ai-sdk/anthropic" : "@ai-sdk/openai-compatible",
                    entry.get("npm").asText(),
                    p);
            assertEquals(p, entry.get("name").asText());
            assertTrue(entry.get("options").get("baseURL").asText().startsWith("http"), p);
            String apiKey = entry.get("options").path("apiKey").asText();
            assertTrue(apiKey.matches("\\{env:[A-Z0-9_]+}"), p + ": " + apiKey);
            List<String> names = new ArrayList<>();
            fieldNames(entry.get("models")).forEach(names::add);
            assertEquals(s.models(), names.size(), p);
            List<String> whitelist = new ArrayList<>();
            entry.get("whitelist").forEach(n -> whitelist.add(n.asText()));
            assertEquals(names, whitelist, p);
            for (String name : names) {
                checkModel(p + "/" + name, entry.get("models").get(name));
            }
        }
    }

    /** The types and pairs OpenCode's validation insists on (a string for a number is an error there). */
    private static void checkModel(String where, JsonNode m) {
        for (String key : fieldNames(m)) {
            assertTrue(MODEL_KEYS.contains(key), where + ": " + key);
        }
        assertEquals("active", m.get("status").asText(), where);
        if (m.has("name")) assertTrue(m.get("name").isTextual(), where);
        if (m.has("release_date")) {
            assertTrue(m.get("release_date").asText().matches("\\d{4}-\\d{2}-\\d{2}"), where);
        }
        if (m.has("reasoning")) assertTrue(m.get("reasoning").isBoolean(), where);
        if (m.has("tool_call")) assertTrue(m.get("tool_call").isBoolean(), where);
        if (m.has("limit")) {
            assertEquals(Set.of("context", "output"), fieldNames(m.get("limit")), where);
            assertTrue(m.get("limit").get("context").isIntegralNumber(), where);
            assertTrue(m.get("limit").get("output").isIntegralNumber(), where);
            assertTrue(
                    m.get("limit").get("context").asLong() > 0
                            || m.get("limit").get("output").asLong() > 0,
                    where);
        }
        if (m.has("cost")) {
            assertEquals(Set.of("input", "output"), fieldNames(m.get("cost")), where);
            assertTrue(m.get("cost").get("input").isNumber(), where);
            assertTrue(m.get("cost").get("output").isNumber(), where);
        }
        if (m.has("modalities")) {
            for (String side : fieldNames(m.get("modalities"))) {
                assertTrue(side.equals("input") || side.equals("output"), where);
                for (JsonNode v : m.get("modalities").get(side)) {
                    assertTrue(MODALITIES.contains(v.asText()), where + ": " + v);
                }
            }
        }
    }

    @Test
    void factsFromTheCatalogAndLiteLlm() throws IOException {
        JsonNode gpt4o = provider("openai").get("models").get("gpt-4o");
        assertEquals(128000, gpt4o.get("limit").get("context").asInt());
        assertEquals(16384, gpt4o.get("limit").get("output").asInt());
        assertEquals(new BigDecimal("2.5"), gpt4o.get("cost").get("input").decimalValue());
        assertEquals(new BigDecimal("10"), gpt4o.get("cost").get("output").decimalValue());
        assertEquals("2024-05-10", gpt4o.get("release_date").asText());
        assertTrue(gpt4o.get("tool_call").asBoolean());
        assertEquals(
                "[\"text\",\"image\"]", gpt4o.get("modalities").get("input").toString());

        JsonNode flash = provider("openrouter").get("models").get("google/gemini-2.0-flash-001");
        assertEquals(
                "[\"text\",\"audio\",\"image\",\"pdf\"]",
                flash.get("modalities").get("input").toString(),
                "in Modality order");
        assertEquals("Google: Gemini 2.0 Flash", flash.get("name").asText());

        JsonNode sonnet = provider("anthropic").get("models").get("claude-3-5-sonnet-20240620");
        assertEquals("2024-06-20", sonnet.get("release_date").asText());
        assertEquals("Claude Sonnet 3.5 (Old)", sonnet.get("name").asText());

        // Mistral stamps every model with the response day: no release dates
        JsonNode mistral = provider("mistral").get("models");
        mistral.forEach(m -> assertFalse(m.has("release_date"), m.toString()));
        // Gemini is keyed by the name without models/
        assertTrue(provider("gemini").get("models").has("gemini-2.5-flash"));
    }

    @Test
    void aLimitKnownOnOneSideGetsOpenCodesUnknownOnTheOtherAndAOneSidedPriceIsLeftOut() throws Exception {
        ProviderModels p = new ProviderModels(
                "x",
                ProviderKind.OPENAI,
                null,
                "http://127.0.0.1:1/v1",
                "models_x.json",
                List.of(
                        ModelFacts.builder("ctx-only")
                                .contextWindow(32768L)
                                .inputPrice(new BigDecimal("0.5"))
                                .build(),
                        ModelFacts.builder("nothing-known").build()));
        JsonNode entry =
                JSON.readTree(OpenCodeConfig.toBytes(p)).get("provider").get("x");
        JsonNode ctxOnly = entry.get("models").get("ctx-only");
        assertEquals(32768, ctxOnly.get("limit").get("context").asInt());
        assertEquals(0, ctxOnly.get("limit").get("output").asInt());
        assertNull(ctxOnly.get("cost"), "a price for input alone would need a made-up output price");
        assertEquals(
                "{\"status\":\"active\"}",
                entry.get("models").get("nothing-known").toString(),
                "absent facts stay absent");
        assertNull(entry.get("options").get("apiKey"), "no key variable, no apiKey");
    }

    @Test
    void exactBytesForAwkwardIds() {
        ProviderModels p = new ProviderModels(
                "my.provider-x",
                ProviderKind.OPENAI,
                "MY_KEY",
                "http://localhost:1/v1",
                "models_my.provider-x.json",
                List.of(
                        ModelFacts.builder("a \"quoted\"\\id: #1/ünï")
                                .displayName("Ünï")
                                .contextWindow(8192L)
                                .maxOutputTokens(1024L)
                                .inputPrice(new BigDecimal("0.000000100"))
                                .outputPrice(new BigDecimal("2.50"))
                                .toolCalling(true)
                                .reasoning(false)
                                .inputModalities(EnumSet.of(Modality.IMAGE, Modality.TEXT))
                                .build(),
                        ModelFacts.builder("plain").build()));
        String expected = """
                {
                  "$schema": "https://opencode.ai/config.json",
                  "provider": {
                    "my.provider-x": {
                      "npm": "@ai-sdk/openai-compatible",
                      "name": "my.provider-x",
                      "options": {
                        "baseURL": "http://localhost:1/v1",
                        "apiKey": "{env:MY_KEY}"
                      },
                      "whitelist": [
                        "a \\"quoted\\"\\\\id: #1/\\u00FCn\\u00EF",
                        "plain"
                      ],
                      "models": {
                        "a \\"quoted\\"\\\\id: #1/\\u00FCn\\u00EF": {
                          "status": "active",
                          "name": "\\u00DCn\\u00EF",
                          "reasoning": false,
                          "tool_call": true,
                          "modalities": {
                            "input": [
                              "text",
                              "image"
                            ]
                          },
                          "limit": {
                            "context": 8192,
                            "output": 1024
                          },
                          "cost": {
                            "input": 0.0000001,
                            "output": 2.5
                          }
                        },
                        "plain": {
                          "status": "active"
                        }
                      }
                    }
                  }
                }
                """;
        assertEquals(expected, new String(OpenCodeConfig.toBytes(p), StandardCharsets.UTF_8));
    }

    @Test
    void theProviderEntryIsDataAFreshTreeEachCall() {
        ProviderModels p = new ProviderModels(
                "groq",
                ProviderKind.OPENAI,
                "GROQ_API_KEY",
                "https://api.groq.com/openai/v1",
                "models_groq.json",
                List.of(ModelFacts.builder("llama").build()));
        var a = OpenCodeConfig.providerEntry(p);
        a.put("npm", "changed");
        var b = OpenCodeConfig.providerEntry(p);
        assertEquals("@ai-sdk/openai-compatible", b.get("npm").asText());
        assertEquals("groq", OpenCodeConfig.providerId("groq"));
        Iterator<String> keys = b.fieldNames();
        assertEquals("npm", keys.next());
    }
}
