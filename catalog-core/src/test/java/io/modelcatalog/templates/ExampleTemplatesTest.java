package io.modelcatalog.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.modelcatalog.facts.CorpusEntries;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.toolconfigs.CatalogQuery;
import io.modelcatalog.toolconfigs.ConfigGenerator;
import io.modelcatalog.toolconfigs.GenerateConfigsRequest;
import io.modelcatalog.toolconfigs.GenerateConfigsResult;
import io.modelcatalog.toolconfigs.ToolWriter;
import io.modelcatalog.tools.Tool;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two worked examples of the templates guide, LiteLLM proxy's config.yaml and Continue's config.yaml, rendered
 * for the whole corpus through generate-configs, parsed back and checked against each tool's documented schema
 * (LiteLLM: docs.litellm.ai/docs/proxy/configs; Continue: docs.continue.dev/reference, config.yaml schema v1).
 */
class ExampleTemplatesTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir
    static Path out;

    static GenerateConfigsResult result;

    static Path examples() {
        try {
            return Path.of(ExampleTemplatesTest.class
                            .getClassLoader()
                            .getResource("templates/examples/litellm.yaml.ftl")
                            .toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static GenerateConfigsRequest request(Path configs, Path templates, Set<Tool> tools) throws IOException {
        List<ToolWriter> writers = new ArrayList<>(Tool.writers(tools));
        writers.addAll(new TemplateRenderer().writers(templates));
        return new GenerateConfigsRequest(
                CatalogQuery.builder(CorpusEntries.catalogDir())
                        .registry(ProviderRegistry.builtIn())
                        .env(EnvironmentLookup.of(Map.of()))
                        .build(),
                configs,
                writers);
    }

    @BeforeAll
    static void generate() throws IOException {
        result = new ConfigGenerator().generate(request(out, examples(), Set.of()));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> s = new LinkedHashSet<>();
        object.fieldNames().forEachRemaining(s::add);
        return s;
    }

    @Test
    void liteLlmProxyConfigListsEveryModelOfEveryProvider() throws IOException {
        JsonNode doc = YAML.readTree(out.resolve("litellm/models.yaml").toFile());
        assertEquals(Set.of("model_list"), names(doc));
        Set<String> modelNames = new HashSet<>();
        int expected = result.generated().stream()
                .mapToInt(GenerateConfigsResult.ProviderSummary::models)
                .sum();
        assertEquals(expected, doc.get("model_list").size());
        for (JsonNode entry : doc.get("model_list")) {
            assertTrue(
                    Set.of("model_name", "litellm_params", "model_info").containsAll(names(entry)), entry.toString());
            String name = entry.get("model_name").asText();
            assertTrue(modelNames.add(name), "unique model_name " + name);
            String provider = name.substring(0, name.indexOf('/'));
            JsonNode params = entry.get("litellm_params");
            assertTrue(Set.of("model", "api_base", "api_key").containsAll(names(params)), params.toString());
            assertEquals(
                    (provider.equals("anthropic") ? "anthropic/" : "openai/") + name.substring(provider.length() + 1),
                    params.get("model").asText());
            assertTrue(params.get("api_base").asText().startsWith("http"), name);
            assertTrue(params.get("api_key").asText().matches("os\\.environ/[A-Z0-9_]+"), name);
            JsonNode info = entry.get("model_info");
            if (info != null) {
                assertTrue(
                        Set.of(
                                        "mode",
                                        "max_input_tokens",
                                        "max_output_tokens",
                                        "input_cost_per_token",
                                        "output_cost_per_token",
                                        "supports_function_calling",
                                        "supports_vision")
                                .containsAll(names(info)),
                        info.toString());
                if (info.has("mode"))
                    assertTrue(Set.of("chat", "embedding")
                            .contains(info.get("mode").asText()));
                if (info.has("max_input_tokens"))
                    assertTrue(info.get("max_input_tokens").isIntegralNumber());
                if (info.has("input_cost_per_token"))
                    assertTrue(info.get("input_cost_per_token").isNumber(), name);
                if (info.has("supports_vision"))
                    assertTrue(info.get("supports_vision").isBoolean());
            }
        }
        // a spot check: OpenAI's gpt-4o with LiteLLM's prices per token
        JsonNode gpt4o = null;
        for (JsonNode e : doc.get("model_list")) {
            if (e.get("model_name").asText().equals("openai/gpt-4o")) gpt4o = e;
        }
        assertEquals("openai/gpt-4o", gpt4o.get("litellm_params").get("model").asText());
        assertEquals(
                "os.environ/OPENAI_API_KEY",
                gpt4o.get("litellm_params").get("api_key").asText());
        assertEquals(
                0.0000025, gpt4o.get("model_info").get("input_cost_per_token").asDouble(), 1e-15);
        assertEquals(128000, gpt4o.get("model_info").get("max_input_tokens").asInt());
    }

    @Test
    void continueConfigPerProviderMatchesTheSchema() throws IOException {
        Set<String> roles = Set.of("chat", "autocomplete", "embed", "rerank", "edit", "apply", "summarize");
        for (GenerateConfigsResult.ProviderSummary s : result.generated()) {
            JsonNode doc = YAML.readTree(
                    out.resolve("continue/models_" + s.provider() + ".yaml").toFile());
            assertEquals("model-catalog " + s.provider(), doc.get("name").asText());
            assertEquals("1.0.0", doc.get("version").asText());
            assertEquals("v1", doc.get("schema").asText());
            assertEquals(s.models(), doc.get("models").size(), s.provider());
            for (JsonNode m : doc.get("models")) {
                assertTrue(
                        Set.of(
                                        "name",
                                        "provider",
                                        "model",
                                        "apiBase",
                                        "apiKey",
                                        "roles",
                                        "capabilities",
                                        "defaultCompletionOptions")
                                .containsAll(names(m)),
                        m.toString());
                assertEquals(
                        s.provider() + "/" + m.get("model").asText(),
                        m.get("name").asText());
                assertEquals(
                        s.provider().equals("anthropic") ? "anthropic" : "openai",
                        m.get("provider").asText());
                assertTrue(m.get("apiKey").asText().matches("\\$\\{\\{ secrets\\.[A-Z0-9_]+ }}"), m.toString());
                for (JsonNode r : m.get("roles")) assertTrue(roles.contains(r.asText()), r.asText());
                if (m.has("capabilities")) {
                    for (JsonNode c : m.get("capabilities")) {
                        assertTrue(Set.of("tool_use", "image_input").contains(c.asText()), c.asText());
                    }
                }
                if (m.has("defaultCompletionOptions")) {
                    JsonNode o = m.get("defaultCompletionOptions");
                    assertTrue(Set.of("contextLength", "maxTokens").containsAll(names(o)));
                    for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
                        assertTrue(it.next().isIntegralNumber(), o.toString());
                    }
                }
            }
        }
        JsonNode embedding = null;
        for (JsonNode m : YAML.readTree(
                        out.resolve("continue/models_openai.yaml").toFile())
                .get("models")) {
            if (m.get("model").asText().equals("text-embedding-3-small")) embedding = m;
        }
        assertEquals("[\"embed\"]", embedding.get("roles").toString());
    }

    @Test
    void theExamplesOutputsAreInTheManifest() throws IOException {
        String manifest = Files.readString(out.resolve(".model-catalog-generated.json"));
        assertTrue(manifest.contains("\"litellm/models.yaml\""), manifest);
        assertTrue(manifest.contains("\"continue/models_openai.yaml\""), manifest);
    }

    /** The guide shows the very templates tested here, so that a reader copies ones that work. */
    @Test
    void theGuideShowsTheseTemplatesVerbatim() throws IOException {
        String guide = Files.readString(Path.of("..", "src", "site", "markdown", "templates.md"));
        for (String name : List.of("litellm.yaml.ftl", "continue.yaml.ftl")) {
            String template = Files.readString(examples().resolve(name));
            assertTrue(
                    guide.contains("```\n" + template + "```\n"),
                    "src/site/markdown/templates.md no longer shows " + name + " as tested: copy it into the guide");
        }
    }

    @Test
    void whenAnyTemplateFailsNothingIsWritten(@TempDir Path work) throws IOException {
        Path templates = Files.createDirectories(work.resolve("templates"));
        Files.copy(examples().resolve("litellm.yaml.ftl"), templates.resolve("litellm.yaml.ftl"));
        Files.writeString(templates.resolve("zzz.yaml.ftl"), "<#list models as m>\nx: ${m.nope}\n</#list>\n");
        Path configs = work.resolve("configs");
        TemplateFailure e = assertThrows(
                TemplateFailure.class,
                () -> new ConfigGenerator().generate(request(configs, templates, Set.of(Tool.values()))));
        assertTrue(e.getMessage().contains("zzz.yaml.ftl, line 2, column 4"), e.getMessage());
        assertFalse(Files.exists(configs), "no tool config, no template output, no manifest");
        try (Stream<Path> s = Files.list(work)) {
            assertEquals(List.of(templates), s.toList());
        }
    }
}
