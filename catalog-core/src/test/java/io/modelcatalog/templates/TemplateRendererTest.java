package io.modelcatalog.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.modelcatalog.facts.Modality;
import io.modelcatalog.facts.ModelFacts;
import io.modelcatalog.providers.ProviderKind;
import io.modelcatalog.toolconfigs.ProviderModels;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Escaping per output format, the data model's strictness, and errors with file, line and column. */
class TemplateRendererTest {

    /** Ids no config format takes bare. */
    static final List<String> AWKWARD = List.of(
            "plain",
            "with \"quotes\" and \\backslash",
            "#hash",
            "key: value # not a comment",
            "ünïcödé/模型",
            "emoji 😀",
            "tab\tand\nnewline",
            "yes",
            "null",
            "100",
            "- dash",
            "[bracket]",
            "{brace}",
            "'single'",
            "del\u007f");

    @TempDir
    Path dir;

    static ProviderModels awkwardProvider() {
        List<ModelFacts> models = AWKWARD.stream()
                .map(id -> ModelFacts.builder(id)
                        .contextWindow(131072L)
                        .inputPrice(new BigDecimal("0.15"))
                        .toolCalling(true)
                        .vision(false)
                        .inputModalities(EnumSet.of(Modality.TEXT, Modality.IMAGE))
                        .build())
                .toList();
        return new ProviderModels(
                "odd.provider-1",
                ProviderKind.OPENAI,
                "ODD_API_KEY",
                "http://127.0.0.1:1/v1",
                "models_odd.json",
                models);
    }

    private Map<Path, byte[]> render(String fileName, String template, ProviderModels... providers) throws IOException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        try (var old = Files.list(templates)) {
            for (Path f : old.toList()) {
                Files.delete(f);
            }
        }
        Files.writeString(templates.resolve(fileName), template);
        return new TemplateRenderer().render(templates, List.of(providers), dir.resolve("configs"));
    }

    private TemplateFailure failure(String fileName, String template) {
        return assertThrows(TemplateFailure.class, () -> render(fileName, template, awkwardProvider()));
    }

    @Test
    void yamlIdsComeOutAsQuotedLiteralsAndNumbersAndBooleansBare() throws IOException {
        String t = """
                models:
                <#list models as m>
                  ${m.id}:
                    id: ${m.id}
                    context: ${m.contextWindow}
                    price: ${m.inputPrice}
                    tools: ${m.toolCalling}
                    vision: ${m.vision}
                    modalities: ${yaml(m.inputModalities)}
                    key: ${"os.environ/" + provider.apiKeyEnv}
                </#list>
                """;
        byte[] out =
                render("t.yaml.ftl", t, awkwardProvider()).get(dir.resolve("configs/t/models_odd.provider-1.yaml"));
        JsonNode doc = new YAMLMapper().readTree(out);
        for (String id : AWKWARD) {
            JsonNode m = doc.get("models").get(id);
            assertEquals(id, m.get("id").asText(), id);
            assertTrue(m.get("context").isInt(), id);
            assertEquals(131072, m.get("context").asInt());
            assertEquals(new BigDecimal("0.15"), m.get("price").decimalValue());
            assertTrue(m.get("tools").isBoolean() && m.get("tools").asBoolean());
            assertTrue(m.get("vision").isBoolean() && !m.get("vision").asBoolean());
            assertEquals("[\"text\",\"image\"]", m.get("modalities").toString());
            assertEquals("os.environ/ODD_API_KEY", m.get("key").asText());
        }
    }

    @Test
    void jsonIdsComeOutAsStringLiterals() throws IOException {
        String t = """
                {<#list models as m>
                  ${m.id}: {"id": ${m.id}, "context": ${m.contextWindow}, "tools": ${m.toolCalling}}<#sep>,</#sep>
                </#list>}
                """;
        byte[] out =
                render("t.json.ftl", t, awkwardProvider()).get(dir.resolve("configs/t/models_odd.provider-1.json"));
        JsonNode doc = new ObjectMapper().readTree(out);
        assertEquals(AWKWARD.size(), doc.size());
        for (String id : AWKWARD) {
            assertEquals(id, doc.get(id).get("id").asText(), id);
            assertEquals(131072, doc.get(id).get("context").asInt());
        }
    }

    @Test
    void tomlIdsComeOutAsBasicStrings() throws IOException {
        String t = """
                <#list models as m>
                [[models]]
                id = ${m.id}
                context = ${m.contextWindow}
                tools = ${m.toolCalling}
                price = ${m.inputPrice}

                </#list>
                """;
        byte[] out =
                render("t.toml.ftl", t, awkwardProvider()).get(dir.resolve("configs/t/models_odd.provider-1.toml"));
        JsonNode doc = new TomlMapper().readTree(out);
        for (int i = 0; i < AWKWARD.size(); i++) {
            assertEquals(AWKWARD.get(i), doc.get("models").get(i).get("id").asText());
            assertEquals(131072, doc.get("models").get(i).get("context").asInt());
        }
    }

    @Test
    void eachFormatsFilterWorksInAnyTemplateAndRawIsAskedFor() throws IOException {
        String t = """
                <#ftl output_format="raw">
                <#list models as m>
                ${m?index}=${json(m.id)}|${toml(m.id)}|${yaml(m.id)}|${m.contextWindow}
                </#list>
                """;
        String out = new String(
                render("ids.env.ftl", t, awkwardProvider()).get(dir.resolve("configs/ids/models_odd.provider-1.env")),
                StandardCharsets.UTF_8);
        String[] lines = out.split("\n");
        for (int i = 0; i < AWKWARD.size(); i++) {
            String[] parts = lines[i].substring(lines[i].indexOf('=') + 1).split("\\|");
            assertEquals(AWKWARD.get(i), new ObjectMapper().readTree(parts[0]).asText());
            assertEquals(
                    AWKWARD.get(i),
                    new TomlMapper().readTree("k = " + parts[1]).get("k").asText());
            assertEquals(
                    AWKWARD.get(i),
                    new YAMLMapper().readTree("k: " + parts[2]).get("k").asText());
            assertEquals("131072", parts[3]);
        }
    }

    @Test
    void noEscIsTheWayToUnescapedTextInAnEscapingTemplate() throws IOException {
        String t = "note: \"${provider.name?no_esc} models\"\n";
        JsonNode doc = new YAMLMapper()
                .readTree(render("n.yaml.ftl", t, awkwardProvider())
                        .get(dir.resolve("configs/n/models_odd.provider-1.yaml")));
        assertEquals("odd.provider-1 models", doc.get("note").asText());
    }

    @Test
    void onceForAllProvidersWhenTheTemplateSaysSo() throws IOException {
        ProviderModels other = new ProviderModels(
                "second", ProviderKind.ANTHROPIC, null, "https://x.example/v1", "models_second.json", List.of());
        String t = """
                <#ftl attributes={"render": "once"}>
                providers:
                <#list providers as p>
                  - name: ${p.name}
                    kind: ${p.kind}
                    models: ${p.models?size}
                    key: ${p.apiKeyEnv!"none"}
                </#list>
                """;
        Map<Path, byte[]> out = render("all.yaml.ftl", t, awkwardProvider(), other);
        assertEquals(List.of(dir.resolve("configs/all/models.yaml")), List.copyOf(out.keySet()));
        JsonNode doc = new YAMLMapper().readTree(out.get(dir.resolve("configs/all/models.yaml")));
        assertEquals(2, doc.get("providers").size());
        assertEquals("anthropic", doc.get("providers").get(1).get("kind").asText());
        assertEquals("none", doc.get("providers").get(1).get("key").asText());
        assertEquals(AWKWARD.size(), doc.get("providers").get(0).get("models").asInt());
    }

    @Test
    void aSyntaxErrorNamesFileLineAndColumn() {
        TemplateFailure e = failure("bad.yaml.ftl", "a: 1\nb: <#if models?size > 0>\nc: ${provider.name\n");
        assertTrue(e.file().endsWith("bad.yaml.ftl"), e.getMessage());
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.column() > 0, e.getMessage());
        assertTrue(
                e.getMessage().startsWith("template " + dir.resolve("templates/bad.yaml.ftl") + ", line 3, column "),
                e.getMessage());
        assertTrue(e.getMessage().contains("syntax error"), e.getMessage());
    }

    @Test
    void aFieldThatDoesNotExistIsAnErrorEvenWhenTested() {
        for (String use : List.of("${m.contextWindw}", "<#if m.contextWindw??>x</#if>", "${m.contextWindw!0}")) {
            TemplateFailure e = failure("typo.yaml.ftl", "<#list models as m>\nc: " + use + "\n</#list>\n");
            assertEquals(2, e.line(), e.getMessage());
            assertEquals(4, e.column(), use + ": " + e.getMessage());
            assertTrue(
                    e.getMessage().contains("'contextWindw' is not a field of a model; its fields are id, name,"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("rendering for provider odd.provider-1"), e.getMessage());
        }
        TemplateFailure root = failure("root.yaml.ftl", "x: ${providers?size}\n");
        assertTrue(
                root.getMessage()
                        .contains("'providers' is not a field of the data of a template rendered per"
                                + " provider; its fields are provider, models, yaml, json, toml"),
                root.getMessage());
    }

    @Test
    void anAbsentFactUsedWithoutATestIsAnErrorNotAnEmptyString() {
        ProviderModels p = new ProviderModels(
                "p",
                ProviderKind.OPENAI,
                "P_KEY",
                "http://127.0.0.1:1",
                "models_p.json",
                List.of(ModelFacts.builder("no-facts").build()));
        TemplateFailure e = assertThrows(
                TemplateFailure.class,
                () -> render("absent.yaml.ftl", "<#list models as m>\nctx: ${m.contextWindow}\n</#list>\n", p));
        assertEquals(2, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("m.contextWindow"), e.getMessage());
    }

    @Test
    void textJoinedToANumberSaysToUseC() {
        TemplateFailure e =
                failure("join.yaml.ftl", "<#list models as m>\nd: ${\"ctx \" + m.contextWindow}\n</#list>\n");
        assertTrue(e.getMessage().contains("?c"), e.getMessage());
        assertEquals(2, e.line(), e.getMessage());
    }

    @Test
    void anUnknownExtensionMustDeclareItsFormat() {
        TemplateFailure e = failure("x.env.ftl", "K=${provider.name}\n");
        assertTrue(e.getMessage().contains("output_format=\"raw\""), e.getMessage());
    }

    @Test
    void outputThatDoesNotParseIsRejected() {
        TemplateFailure e = failure("broken.yaml.ftl", "<#list models as m>\n${m.id?no_esc}: 1\n</#list>\n");
        assertTrue(e.getMessage().contains("is not valid YAML"), e.getMessage());
    }

    @Test
    void badNamesAndAttributes() {
        assertTrue(failure("noext.ftl", "x").getMessage().contains("<name>.<ext>.ftl"));
        assertTrue(failure("aichat.yaml.ftl", "x: 1\n").getMessage().contains("built-in aichat configs"));
        assertTrue(failure("a.yaml.ftl", "<#ftl attributes={\"render\": \"twice\"}>\nx: 1\n")
                .getMessage()
                .contains("\"once\""));
    }
}
