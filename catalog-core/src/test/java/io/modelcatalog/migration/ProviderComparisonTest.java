package io.modelcatalog.migration;

import static io.modelcatalog.testing.LegacyScripts.lineNumber;
import static io.modelcatalog.testing.LegacyScripts.replaceLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.migration.ProviderComparison.Change;
import io.modelcatalog.migration.ProviderComparison.FieldChange;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderKind;
import io.modelcatalog.providers.ProviderLayer;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.testing.LegacyScripts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A legacy script against the built-in registry: exactly the user's edits, and the file that holds them. */
class ProviderComparisonTest {

    @TempDir
    Path dir;

    private ProviderComparison compare(String script) throws Exception {
        return ProviderComparison.of(
                LegacyScriptReader.read(LegacyScripts.write(dir, script)), ProviderRegistry.builtIn());
    }

    @Test
    void theSharedScriptUnchangedGivesNoDifference() throws Exception {
        ProviderComparison c = compare(LegacyScripts.shared());

        assertFalse(c.hasDifference());
        assertEquals(List.of(), c.toWrite());
        assertEquals(List.of(), c.removed());
        assertEquals(40, c.entries(Change.UNCHANGED).size());
        assertEquals(
                "40 providers in the script: 0 added, 0 changed, 40 unchanged; 0 of the 40 built-in ones not in it",
                c.summary());
        assertEquals("PROVIDER      LINE  CHANGE     DETAIL", c.table().get(0));
        assertEquals("aihorde         51  unchanged", c.table().get(1));
        assertEquals("atlascloud      53  unchanged", c.table().get(3));
        assertEquals(41, c.table().size());
    }

    @Test
    void anEditedCopyGivesExactlyItsEdits() throws Exception {
        String edited = LegacyScripts.edited(LegacyScripts.CORP_URL, LegacyScripts.GROQ_URL);
        ProviderComparison c = compare(edited);

        assertTrue(c.hasDifference());
        assertEquals(
                List.of("corpllm"),
                c.entries(Change.ADDED).stream()
                        .map(ProviderComparison.Entry::name)
                        .toList());
        assertEquals(
                List.of("groq", "mancer"),
                c.entries(Change.CHANGED).stream()
                        .map(ProviderComparison.Entry::name)
                        .toList());
        assertEquals(36, c.entries(Change.UNCHANGED).size());
        ProviderComparison.Entry groq = c.entries(Change.CHANGED).get(0);
        assertEquals(
                List.of(new FieldChange("baseUrl", "https://api.groq.com/openai/v1", LegacyScripts.GROQ_URL)),
                groq.differences());
        assertEquals(
                lineNumber(edited, "groq, oai, GROQ_API_KEY, GROQ_API_OPENAI"),
                groq.provider().line());
        assertEquals(
                List.of(new FieldChange("kind", "openai", "anthropic")),
                c.entries(Change.CHANGED).get(1).differences());
        assertEquals(
                List.of("poe", "targon"),
                c.removed().stream().map(ProviderDefinition::name).toList());
        assertEquals(
                List.of(
                        new ProviderDefinition(
                                "groq",
                                ProviderKind.OPENAI,
                                "GROQ_API_KEY",
                                "GROQ_API_OPENAI",
                                LegacyScripts.GROQ_URL,
                                null),
                        new ProviderDefinition(
                                "mancer",
                                ProviderKind.ANTHROPIC,
                                "MANCER_API_KEY",
                                "MANCER_API_OPENAI",
                                "https://neuro.mancer.tech/oai/v1",
                                null),
                        new ProviderDefinition(
                                "corpllm",
                                ProviderKind.OPENAI,
                                "CORPLLM_API_KEY",
                                "CORPLLM_API_OPENAI",
                                LegacyScripts.CORP_URL,
                                null)),
                c.toWrite());

        // the selection that leaves poe and targon out: every other provider, the added one last
        List<String> expected = new ArrayList<>(ProviderRegistry.builtIn().names());
        expected.removeAll(LegacyScripts.REMOVED);
        expected.add("corpllm");
        assertEquals(expected, c.selection());

        assertEquals(
                "39 providers in the script: 1 added, 2 changed, 36 unchanged; 2 of the 40 built-in ones not in it",
                c.summary());
        List<String> table = c.table();
        assertEquals("PROVIDER      LINE  CHANGE     DETAIL", table.get(0));
        assertTrue(
                table.contains("groq            " + groq.provider().line()
                        + "  changed    baseUrl https://api.groq.com/openai/v1 -> https://groq.corp.example/v1"),
                String.join("\n", table));
        assertTrue(
                table.contains("mancer          "
                        + lineNumber(edited, "mancer, ant, MANCER_API_KEY, MANCER_API_OPENAI")
                        + "  changed    kind openai -> anthropic"),
                String.join("\n", table));
        assertEquals(
                "corpllm         " + lineNumber(edited, "corpllm, oai, CORPLLM_API_KEY, CORPLLM_API_OPENAI")
                        + "  added      openai, key CORPLLM_API_KEY, CORPLLM_API_OPENAI = https://llm.corp.example/v1",
                table.get(table.size() - 1));

        assertEquals(LegacyScripts.EDITED_FILE, new String(ProvidersFileWriter.write(c), StandardCharsets.UTF_8));
    }

    @Test
    void changedVariablesAndAProviderWithoutKeyAreEntriesToo() throws Exception {
        String script = replaceLine(
                LegacyScripts.shared(),
                "openai, oai, OPENAI_API_KEY, OPENAI_API_OPENAI",
                "openai, oai, CORP_OPENAI_KEY, CORP_OPENAI_URL");
        script = replaceLine(script, "ZAI_API_OPENAI, https://api.z.ai/api/paas/v4", """
                ZAI_API_OPENAI, https://api.z.ai/api/paas/v4
                CORP_OPENAI_URL, https://openai.corp.example/v1
                PRICES_URL, https://prices.corp.example/models.json""");
        script = replaceLine(
                script,
                "zai, oai, ZAI_API_KEY, ZAI_API_OPENAI",
                "zai, oai, ZAI_API_KEY, ZAI_API_OPENAI\nprices, url, , PRICES_URL");
        ProviderComparison c = compare(script);

        assertEquals(
                List.of(
                        new FieldChange("apiKeyEnv", "OPENAI_API_KEY", "CORP_OPENAI_KEY"),
                        new FieldChange("baseUrlEnv", "OPENAI_API_OPENAI", "CORP_OPENAI_URL"),
                        new FieldChange("baseUrl", "https://api.openai.com/v1", "https://openai.corp.example/v1")),
                c.entries(Change.CHANGED).get(0).differences());
        assertEquals(
                "prices          " + lineNumber(script, "prices, url, , PRICES_URL")
                        + "  added      url, key (none), PRICES_URL = https://prices.corp.example/models.json",
                c.table().get(c.table().size() - 1));
        // the URL line of OPENAI_API_OPENAI is now unused
        assertEquals(
                "OPENAI_API_OPENAI is the url_env of no provider in PROVIDER_CONFIG; ignored",
                c.script().notes().get(1).text());
        assertTrue(new String(ProvidersFileWriter.write(c), StandardCharsets.UTF_8).endsWith("""
                          # added
                          - name: "prices"
                            kind: "url"
                            baseUrlEnv: "PRICES_URL"
                            baseUrl: "https://prices.corp.example/models.json"
                        """));
    }

    @Test
    void theWrittenFileReadsBackAsTheProvidersItHolds() throws Exception {
        // a URL with the characters YAML would otherwise take for syntax, and a registry provider with headers
        String url = "https://llm.example/ü/'a'?b=*&c=!d%20e&f=@g#h:i";
        ProviderRegistry registry = ProviderRegistry.layered(List.of(ProviderLayer.configured(
                "test",
                "the test one",
                List.of(new ProviderDefinition(
                        "groq",
                        ProviderKind.OPENAI,
                        "GROQ_API_KEY",
                        "GROQ_API_OPENAI",
                        "https://api.groq.com/openai/v1",
                        Map.of("X-Tenant", "a: \"b\" # c"))))));
        String script = String.join(
                "\n",
                "PROVIDER_URL_CONFIG = \"\"\"",
                "GROQ_API_OPENAI, https://groq.corp.example/v1",
                "ODD_URL, " + url,
                "\"\"\"",
                "PROVIDER_CONFIG = \"\"\"",
                "groq, oai, GROQ_API_KEY, GROQ_API_OPENAI",
                "yes, oai, NULL, ODD_URL",
                "\"\"\"");
        ProviderComparison c =
                ProviderComparison.of(LegacyScriptReader.read(LegacyScripts.write(dir, script)), registry);
        byte[] bytes = ProvidersFileWriter.write(c);
        Path file = Files.write(dir.resolve("providers.yaml"), bytes);

        List<ProviderDefinition> read = ProviderLayer.file(file).providers();
        assertEquals(c.toWrite(), read);
        assertEquals(url, read.get(1).baseUrl());
        assertEquals("yes", read.get(1).name());
        assertEquals(Map.of("X-Tenant", "a: \"b\" # c"), read.get(0).headers());
        assertTrue(new String(bytes, StandardCharsets.US_ASCII)
                .chars()
                .allMatch(ch -> ch == '\n' || ch >= 0x20 && ch < 0x7F));
        // the same comparison, the same bytes
        assertEquals(
                new String(bytes, StandardCharsets.UTF_8),
                new String(ProvidersFileWriter.write(c), StandardCharsets.UTF_8));
    }
}
