package io.modelcatalog.toolconfigs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.modelcatalog.facts.ModelFacts;
import io.modelcatalog.providers.ProviderKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-written YAML and TOML read back by the real parsers, whatever characters the ids hold. */
class GeneratedTextTest {

    private static final List<String> AWKWARD = List.of(
            "plain",
            "with \"quotes\" and \\backslash",
            "tab\tand\nnewline",
            "yes",
            "null",
            "- dash",
            "#hash",
            "key: value",
            "ünïcödé/模型",
            "emoji 😀",
            "del\u007f",
            "100",
            "~",
            "");

    @Test
    void yamlStringsReadBackExactly() throws Exception {
        YAMLMapper yaml = new YAMLMapper();
        for (String s : AWKWARD) {
            JsonNode n = yaml.readTree("k: " + YamlText.quote(s) + "\n" + YamlText.quote(s) + ": 1\n");
            assertEquals(s, n.get("k").asText(), s);
            assertTrue(n.has(s), s);
            assertTrue(YamlText.quote(s).chars().allMatch(c -> c >= 0x20 && c < 0x7F), "ASCII only: " + s);
        }
    }

    @Test
    void tomlStringsAndKeysReadBackExactly() throws Exception {
        TomlMapper toml = new TomlMapper();
        for (String s : AWKWARD) {
            JsonNode n = toml.readTree(
                    "k = " + TomlText.basic(s) + "\n[t." + TomlText.key(s.isEmpty() ? "x" : s) + "]\nv = 1\n");
            assertEquals(s, n.get("k").asText(), s);
            assertTrue(n.get("t").has(s.isEmpty() ? "x" : s), s);
        }
        assertEquals("openai-catalog", TomlText.key("openai-catalog"));
        assertEquals("\"a.b\"", TomlText.key("a.b"));
    }

    @Test
    void awkwardModelNamesInEveryFormat() throws Exception {
        List<ModelFacts> models = AWKWARD.stream()
                .filter(s -> !s.isEmpty())
                .map(s -> ModelFacts.builder(s).build())
                .toList();
        ProviderModels p = new ProviderModels(
                "my.provider-x",
                ProviderKind.OPENAI,
                "MY_KEY",
                "http://localhost:1/v1",
                "models_my.provider-x.json",
                models);
        JsonNode aichat = new YAMLMapper()
                .readTree(AichatConfig.toBytes(p))
                .get("clients")
                .get(0);
        assertEquals("my_provider_x", aichat.get("name").asText());
        for (int i = 0; i < models.size(); i++) {
            assertEquals(
                    models.get(i).name(),
                    aichat.get("models").get(i).get("name").asText());
        }
        JsonNode mods =
                new YAMLMapper().readTree(ModsConfig.toBytes(p)).get("apis").get("my.provider-x");
        assertEquals(models.size(), mods.get("models").size());
        for (ModelFacts m : models) {
            assertTrue(mods.get("models").has(m.name()), m.name());
        }
        JsonNode codex = new TomlMapper().readTree(CodexConfig.providerFile(p));
        assertEquals(
                "responses",
                codex.get("model_providers")
                        .get("my.provider-x")
                        .get("wire_api")
                        .asText());
        for (byte[] profile : CodexConfig.profileFiles(p).values()) {
            JsonNode doc = new TomlMapper().readTree(profile);
            assertTrue(models.stream()
                    .anyMatch(m -> m.name().equals(doc.get("model").asText())));
        }
    }

    @Test
    void anthropicWithoutMaxOutputSaysSoInsteadOfInventingIt() throws Exception {
        ProviderModels p = new ProviderModels(
                "anthropic",
                ProviderKind.ANTHROPIC,
                "ANTHROPIC_API_KEY",
                "https://api.anthropic.com/v1",
                "models_anthropic.json",
                List.of(
                        ModelFacts.builder("claude-x").build(),
                        ModelFacts.builder("claude-y").maxOutputTokens(8192L).build()));
        String text = new String(AichatConfig.toBytes(p), StandardCharsets.UTF_8);
        JsonNode models = new YAMLMapper().readTree(text).get("clients").get(0).get("models");
        assertTrue(models.get(0).get("require_max_tokens").asBoolean());
        assertNull(models.get(0).get("max_output_tokens"));
        assertTrue(text.contains("# max_output_tokens unknown"), text);
        assertEquals(8192, models.get(1).get("max_output_tokens").asInt());
        assertFalse(text.contains("api_key"), text);
    }

    @Test
    void emptyProvidersStillGiveValidFiles() throws Exception {
        ProviderModels p = new ProviderModels(
                "zai",
                ProviderKind.OPENAI,
                "ZAI_API_KEY",
                "https://api.z.ai/api/paas/v4",
                "models_zai.json",
                List.of());
        assertEquals(
                0,
                new YAMLMapper()
                        .readTree(AichatConfig.toBytes(p))
                        .get("clients")
                        .get(0)
                        .get("models")
                        .size());
        assertEquals(
                0,
                new YAMLMapper()
                        .readTree(ModsConfig.toBytes(p))
                        .get("apis")
                        .get("zai")
                        .get("models")
                        .size());
        assertTrue(CodexConfig.profileFiles(p).isEmpty());
    }
}
