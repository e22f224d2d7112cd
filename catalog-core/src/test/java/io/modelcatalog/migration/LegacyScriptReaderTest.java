package io.modelcatalog.migration;

import static io.modelcatalog.testing.LegacyScripts.lineNumber;
import static io.modelcatalog.testing.LegacyScripts.replaceLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderKind;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.testing.LegacyScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider blocks of a legacy script read as text: the shared script, a user's edits, and every bad input. */
class LegacyScriptReaderTest {

    private static final String GROQ = "groq, oai, GROQ_API_KEY, GROQ_API_OPENAI";
    private static final String GROQ_URL = "GROQ_API_OPENAI, https://api.groq.com/openai/v1";

    @TempDir
    Path dir;

    private LegacyScript read(String script) throws Exception {
        return LegacyScriptReader.read(LegacyScripts.write(dir, script));
    }

    /** Reads a bad script and returns the error, after checking that it names the script and the line. */
    private LegacyScriptException refused(String script, int line) throws Exception {
        Path file = LegacyScripts.write(dir, script);
        LegacyScriptException e = assertThrows(LegacyScriptException.class, () -> LegacyScriptReader.read(file));
        assertEquals(line, e.line(), e::getMessage);
        assertEquals(LegacyScriptException.Reason.INVALID, e.reason());
        String prefix = line > 0 ? file + ":" + line + ": " : file + ": ";
        assertEquals(prefix, e.getMessage().substring(0, prefix.length()), e::getMessage);
        return e;
    }

    private void refused(String script, int line, String detail) throws Exception {
        LegacyScriptException e = refused(script, line);
        assertEquals(detail, e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
    }

    @Test
    void theSharedScriptGivesTheBuiltInProvidersWithTheirLines() throws Exception {
        LegacyScript script = read(LegacyScripts.shared());

        // the built-in registry is the legacy registry with atlascloud's URL under its URL variable; the script's
        // table has no column for Chutes' enrichment (its code enriches chutes), which the registry keeps for a
        // definition that replaces the built-in one
        assertEquals(
                ProviderRegistry.builtIn().all().stream()
                        .map(p -> p.withEnrichment(Optional.empty()))
                        .toList(),
                script.providers().stream().map(ScriptProvider::definition).toList());
        ScriptProvider aihorde = script.providers().get(0);
        assertEquals(51, aihorde.line());
        assertEquals(7, aihorde.urlLine());
        ScriptProvider atlascloud = script.providers().get(2);
        assertEquals("atlascloud", atlascloud.name());
        assertEquals(9, atlascloud.urlLine());
        assertEquals(
                List.of("line 9: ATLASCLOUD_API_KEY is atlascloud's key variable but holds a URL, as in the legacy "
                        + "tool's atlascloud entry; read as atlascloud's default base URL (variable "
                        + "ATLASCLOUD_API_OPENAI)"),
                script.notes().stream().map(ScriptNote::toString).toList());
        ScriptProvider litellm = script.providers().get(19);
        assertEquals(
                new ProviderDefinition(
                        "litellm",
                        ProviderKind.URL,
                        null,
                        "LITELLM_API_OPENAI",
                        "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json",
                        null),
                litellm.definition());
    }

    @Test
    void commentsBlankLinesAndUserEditsAreReadWithTheirLines() throws Exception {
        String edited = LegacyScripts.edited("https://llm.corp.example/v1", "https://groq.corp.example/v1");
        LegacyScript script = read(edited);

        assertEquals(39, script.providers().size());
        ScriptProvider corp = script.providers().get(38);
        assertEquals(
                new ProviderDefinition(
                        "corpllm",
                        ProviderKind.OPENAI,
                        "CORPLLM_API_KEY",
                        "CORPLLM_API_OPENAI",
                        "https://llm.corp.example/v1",
                        null),
                corp.definition());
        assertEquals(lineNumber(edited, "corpllm, oai, CORPLLM_API_KEY, CORPLLM_API_OPENAI"), corp.line());
        assertEquals(lineNumber(edited, "CORPLLM_API_OPENAI, https://llm.corp.example/v1"), corp.urlLine());
        ScriptProvider mancer = script.providers().stream()
                .filter(p -> p.name().equals("mancer"))
                .findFirst()
                .orElseThrow();
        assertEquals(ProviderKind.ANTHROPIC, mancer.definition().kind());
        // the URL lines of the removed providers are left behind, and said so
        assertEquals(
                List.of(
                        "line 9: ATLASCLOUD_API_KEY is atlascloud's key variable but holds a URL, as in the legacy "
                                + "tool's atlascloud entry; read as atlascloud's default base URL (variable "
                                + "ATLASCLOUD_API_OPENAI)",
                        "line " + lineNumber(edited, "POE_API_OPENAI, https://api.poe.com/v1")
                                + ": POE_API_OPENAI is the url_env of no provider in PROVIDER_CONFIG; ignored",
                        "line " + lineNumber(edited, "TARGON_API_OPENAI, https://api.targon.com/v1")
                                + ": TARGON_API_OPENAI is the url_env of no provider in PROVIDER_CONFIG; ignored"),
                script.notes().stream().map(ScriptNote::toString).toList());
    }

    @Test
    void onlyTheModuleLevelLiteralsAreRead() throws Exception {
        // decoys a real script has: names in docstrings and code, an indented assignment, other quotes, CRLF
        String script = String.join(
                "\r\n",
                "#!/usr/bin/env python3",
                "\"\"\"Reads PROVIDER_CONFIG = \"\"\"",
                "PROVIDER_URL_CONFIG_NOTE = \"\"\"not this\"\"\"",
                "def setup():",
                "    PROVIDER_CONFIG = \"\"\"",
                "    ignored, oai, X, Y",
                "    \"\"\"",
                "    for line in PROVIDER_CONFIG.strip().split(\"\\n\"):",
                "        pass",
                "PROVIDER_URL_CONFIG = r'''",
                "LOCAL_URL, http://127.0.0.1:8080/v1",
                "''' .strip()",
                "PROVIDER_CONFIG: str = \"\"\"local, oai, LOCAL_KEY, LOCAL_URL",
                "docs, url, , LOCAL_URL\"\"\".strip()",
                "if PROVIDER_CONFIG == \"\":",
                "    pass",
                "");
        LegacyScript read = read(script);
        assertEquals(
                List.of(
                        new ScriptProvider(
                                13,
                                11,
                                new ProviderDefinition(
                                        "local",
                                        ProviderKind.OPENAI,
                                        "LOCAL_KEY",
                                        "LOCAL_URL",
                                        "http://127.0.0.1:8080/v1",
                                        null)),
                        new ScriptProvider(
                                14,
                                11,
                                new ProviderDefinition(
                                        "docs",
                                        ProviderKind.URL,
                                        null,
                                        "LOCAL_URL",
                                        "http://127.0.0.1:8080/v1",
                                        null))),
                read.providers());
        assertEquals(List.of(), read.notes());
    }

    @Test
    void aMissingScriptIsNamed() {
        Path missing = dir.resolve("nowhere/dump_models.py");
        LegacyScriptException e = assertThrows(LegacyScriptException.class, () -> LegacyScriptReader.read(missing));
        assertEquals(LegacyScriptException.Reason.NOT_FOUND, e.reason());
        assertEquals(missing + ": no such file; give the path of your dump_models.py", e.getMessage());
    }

    @Test
    void aScriptThatIsNotUtf8IsRefused() throws Exception {
        Path file = dir.resolve("dump_models.py");
        Files.write(file, new byte[] {'#', ' ', (byte) 0xE9, '\n'});
        LegacyScriptException e = assertThrows(LegacyScriptException.class, () -> LegacyScriptReader.read(file));
        assertEquals(LegacyScriptException.Reason.UNREADABLE, e.reason());
        assertEquals(file + ": not UTF-8 text; save the script as UTF-8, as Python reads it", e.getMessage());
    }

    @Test
    void aScriptWithoutTheBlocksIsRefused() throws Exception {
        refused(
                "import os\nprint('hello')\n",
                0,
                "no PROVIDER_URL_CONFIG block: expected a line 'PROVIDER_URL_CONFIG = \"\"\"' at the start of a "
                        + "line, the 'url_env, url' lines, and a closing '\"\"\"', as in the legacy dump_models.py");
        String withoutProviders = LegacyScripts.shared().replace("PROVIDER_CONFIG = ", "PROVIDERS = ");
        refused(
                withoutProviders,
                0,
                "no PROVIDER_CONFIG block: expected a line 'PROVIDER_CONFIG = \"\"\"' at the start of a line, the "
                        + "'name, kind, api_key_env, url_env' lines, and a closing '\"\"\"', as in the legacy "
                        + "dump_models.py");
    }

    @Test
    void blocksTheImportCannotTakeAsTheyAreAreRefused() throws Exception {
        String shared = LegacyScripts.shared();
        refused(
                replaceLine(shared, "PROVIDER_CONFIG = \"\"\"", "PROVIDER_CONFIG = load_config()\n\"\"\""),
                50,
                "PROVIDER_CONFIG is not assigned a triple-quoted string; the import reads only a literal block, "
                        + "'PROVIDER_CONFIG = \"\"\"', one entry per line, then '\"\"\"'");
        refused(
                shared.substring(0, shared.lastIndexOf("\"\"\".strip()")),
                50,
                "PROVIDER_CONFIG's block is not closed: end it with \"\"\" on a line of its own");
        refused(
                shared + "\nPROVIDER_URL_CONFIG = \"\"\"\n\"\"\"\n",
                93,
                "PROVIDER_URL_CONFIG is assigned a second time (first on line 6); keep one block");
        refused(
                replaceLine(shared, GROQ, "groq, oai, GROQ_API_KEY, GROQ_API_OPENAI\\n"),
                65,
                "a backslash in PROVIDER_CONFIG; the import does not interpret Python string escapes: write the "
                        + "value without it");
        String noProviders = shared.substring(0, shared.indexOf("aihorde, oai")) + "# none yet\n\"\"\".strip()\n";
        refused(
                noProviders,
                50,
                "PROVIDER_CONFIG defines no provider; give it one line 'name, kind, api_key_env, url_env' per "
                        + "provider");
    }

    @Test
    void aLineWithTheWrongNumberOfFieldsIsRefused() throws Exception {
        String shared = LegacyScripts.shared();
        refused(
                replaceLine(shared, GROQ, "groq, oai, GROQ_API_KEY"),
                65,
                "PROVIDER_CONFIG line has 3 fields, expected 4: name, kind, api_key_env, url_env (an empty "
                        + "api_key_env for a provider without a key, e.g. 'litellm, url, , LITELLM_API_OPENAI')");
        refused(
                replaceLine(shared, GROQ, GROQ + ", extra"),
                65,
                "PROVIDER_CONFIG line has 5 fields, expected 4: name, kind, api_key_env, url_env (an empty "
                        + "api_key_env for a provider without a key, e.g. 'litellm, url, , LITELLM_API_OPENAI')");
        refused(
                replaceLine(shared, GROQ_URL, "GROQ_API_OPENAI https://api.groq.com/openai/v1"),
                21,
                "PROVIDER_URL_CONFIG line has 1 field, expected 2: url_env, url (a URL holds no ',')");
        refused(
                replaceLine(shared, GROQ_URL, GROQ_URL + "?a=1,2"),
                21,
                "PROVIDER_URL_CONFIG line has 3 fields, expected 2: url_env, url (a URL holds no ',')");
    }

    @Test
    void anUnknownKindIsRefused() throws Exception {
        for (String kind : new String[] {"openai", "OAI", "anthropic", ""}) {
            refused(
                    replaceLine(LegacyScripts.shared(), GROQ, "groq, " + kind + ", GROQ_API_KEY, GROQ_API_OPENAI"),
                    65,
                    "unknown kind '" + kind + "' for provider 'groq'; use oai (OpenAI-compatible), ant (Anthropic) "
                            + "or url (a JSON document fetched as is)");
        }
    }

    @Test
    void aNameOrVariableTheRegistryRejectsIsRefused() throws Exception {
        String shared = LegacyScripts.shared();
        refused(
                replaceLine(shared, GROQ, "groq cloud, oai, GROQ_API_KEY, GROQ_API_OPENAI"),
                65,
                "invalid provider name 'groq cloud': use only letters, digits, '.', '_' and '-'");
        refused(
                replaceLine(shared, GROQ, "groq/eu, oai, GROQ_API_KEY, GROQ_API_OPENAI"),
                65,
                "invalid provider name 'groq/eu': use only letters, digits, '.', '_' and '-'");
        refused(
                replaceLine(shared, GROQ, "groq, oai, GROQ-API-KEY, GROQ_API_OPENAI"),
                65,
                "provider 'groq': apiKeyEnv 'GROQ-API-KEY' is not an environment variable name (a PROVIDER_CONFIG "
                        + "line is 'name, kind, api_key_env, url_env'; variable names are letters, digits and '_', "
                        + "not starting with a digit)");
        String badUrlVariable = replaceLine(
                replaceLine(shared, GROQ, "groq, oai, GROQ_API_KEY, 1GROQ_URL"),
                GROQ_URL,
                "1GROQ_URL, https://api.groq.com/openai/v1");
        refused(
                badUrlVariable,
                65,
                "provider 'groq': baseUrlEnv '1GROQ_URL' is not an environment variable name (a PROVIDER_CONFIG "
                        + "line is 'name, kind, api_key_env, url_env'; variable names are letters, digits and '_', "
                        + "not starting with a digit)");
        refused(
                replaceLine(shared, GROQ, "groq, oai, GROQ_API_KEY, "),
                65,
                "provider 'groq' has no url_env (the fourth field): name the variable of its base URL and give that "
                        + "variable a line in PROVIDER_URL_CONFIG");
        refused(
                replaceLine(shared, GROQ_URL, null),
                64,
                "provider 'groq': its url_env GROQ_API_OPENAI has no line in PROVIDER_URL_CONFIG; add a line "
                        + "'GROQ_API_OPENAI, https://...' with its default base URL");
    }

    @Test
    void aBaseUrlTheRegistryRejectsIsRefusedAtItsLine() throws Exception {
        for (String url :
                new String[] {"api.groq.com/openai/v1", "ftp://api.groq.com/v1", "https:///v1", "http://a b"}) {
            refused(
                    replaceLine(LegacyScripts.shared(), GROQ_URL, "GROQ_API_OPENAI, " + url),
                    21,
                    "the URL '" + url + "' of GROQ_API_OPENAI (provider 'groq') is not an absolute http(s) URL, e.g. "
                            + "https://api.example.com/v1");
        }
    }

    @Test
    void aNameOrUrlVariableGivenTwiceIsRefused() throws Exception {
        String shared = LegacyScripts.shared();
        refused(
                replaceLine(
                        shared,
                        "zai, oai, ZAI_API_KEY, ZAI_API_OPENAI",
                        "zai, oai, ZAI_API_KEY, ZAI_API_OPENAI\n" + GROQ),
                91,
                "provider 'groq' is defined a second time (first on line 65); keep one line");
        refused(
                replaceLine(shared, GROQ_URL, GROQ_URL + "\nGROQ_API_OPENAI, https://groq.corp.example/v1"),
                22,
                "GROQ_API_OPENAI is given a URL a second time (first on line 21); keep one line");
    }

    @Test
    void aCommentAfterTheValuesIsRefused() throws Exception {
        refused(
                replaceLine(LegacyScripts.shared(), GROQ, GROQ + "  # fast"),
                65,
                "a '#' comment after the values of a PROVIDER_CONFIG line; the legacy tool reads it as part of the "
                        + "value: put the comment on a line of its own");
        refused(
                replaceLine(LegacyScripts.shared(), GROQ_URL, "GROQ_API_OPENAI, # https://api.groq.com/openai/v1"),
                21,
                "a '#' comment after the values of a PROVIDER_URL_CONFIG line; the legacy tool reads it as part of "
                        + "the value: put the comment on a line of its own");
    }
}
