package io.modelcatalog.toolconfigs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.modelcatalog.documents.DocumentParseException;
import io.modelcatalog.facts.CorpusEntries;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderKind;
import io.modelcatalog.providers.ProviderLayer;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.providers.UnknownProviderException;
import io.modelcatalog.testing.LegacyCorpus;
import io.modelcatalog.tools.Tool;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
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

/** Generates configs from the whole corpus catalog once, then parses every file back with the real parsers. */
class ConfigGeneratorTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final TomlMapper TOML = new TomlMapper();
    private static final ProviderRegistry REGISTRY = ProviderRegistry.builtIn();

    @TempDir
    static Path out;

    static GenerateConfigsResult result;
    /** Test keys in the environment: none of them may end up in a file. */
    static Map<String, String> env;

    static List<String> apiProviders() {
        List<String> names = new ArrayList<>();
        for (ProviderDefinition p : LegacyCorpus.providers()) {
            if (p.kind() != ProviderKind.URL) {
                names.add(p.name());
            }
        }
        return names;
    }

    static GenerateConfigsRequest request(Path catalog, Path output, List<String> providers, ModelIdFilter filter) {
        return new GenerateConfigsRequest(
                CatalogQuery.builder(catalog)
                        .providers(providers)
                        .filter(filter)
                        .registry(REGISTRY)
                        .env(EnvironmentLookup.of(env))
                        .build(),
                output,
                Tool.writers(Set.of(Tool.values())));
    }

    @BeforeAll
    static void generate() throws IOException {
        env = new HashMap<>();
        for (ProviderDefinition p : REGISTRY.all()) {
            if (p.apiKeyEnv() != null) {
                env.put(p.apiKeyEnv(), LegacyCorpus.testKey(p.name()));
            }
        }
        result = new ConfigGenerator()
                .generate(request(CorpusEntries.catalogDir(), out, List.of(), ModelIdFilter.all()));
    }

    private static Set<String> distinctNames(String provider) {
        Set<String> names = new LinkedHashSet<>();
        for (String id : CorpusEntries.list(provider).ids()) {
            names.add(provider.equals("gemini") && id.startsWith("models/") ? id.substring(7) : id);
        }
        return names;
    }

    @Test
    void everyApiProviderOfTheCatalogGetsItsFilesAndStraysAreReported() {
        List<String> generated = result.generated().stream()
                .map(GenerateConfigsResult.ProviderSummary::provider)
                .toList();
        assertEquals(apiProviders().stream().sorted().toList(), generated);
        assertTrue(
                result.skipped().stream().anyMatch(s -> s.startsWith("litellm: a model data source")),
                result.skipped().toString());
        assertTrue(
                result.skipped().stream().anyMatch(s -> s.startsWith("featherless_best:")),
                result.skipped().toString());
        for (String p : apiProviders()) {
            assertTrue(Files.isRegularFile(out.resolve("aichat/models_" + p + ".yaml")), p);
            assertTrue(Files.isRegularFile(out.resolve("mods/models_" + p + ".yml")), p);
            assertTrue(Files.isRegularFile(out.resolve("codex/models_" + p + ".toml")), p);
        }
        assertFalse(Files.exists(out.resolve("aichat/models_litellm.yaml")));
    }

    @Test
    void aichatFilesMatchTheSchemaWithOneModelPerDistinctId() throws IOException {
        for (String p : apiProviders()) {
            JsonNode doc =
                    YAML.readTree(out.resolve("aichat/models_" + p + ".yaml").toFile());
            assertEquals(1, doc.size(), p + ": only clients:");
            JsonNode clients = doc.get("clients");
            assertEquals(1, clients.size(), p);
            JsonNode client = clients.get(0);
            assertTrue(client.get("name").asText().matches("[A-Za-z0-9_]+"), p);
            assertEquals(
                    p.equals("anthropic") ? "claude" : "openai-compatible",
                    client.get("type").asText(),
                    p);
            assertTrue(client.get("api_base").asText().startsWith("http"), p);
            assertNull(client.get("api_key"), p + ": never a key");
            List<String> names = new ArrayList<>();
            for (JsonNode m : client.get("models")) {
                names.add(m.get("name").asText());
                Iterator<String> keys = m.fieldNames();
                while (keys.hasNext()) {
                    String k = keys.next();
                    assertTrue(
                            Set.of(
                                            "name",
                                            "type",
                                            "max_input_tokens",
                                            "max_output_tokens",
                                            "require_max_tokens",
                                            "input_price",
                                            "output_price",
                                            "supports_vision",
                                            "supports_function_calling")
                                    .contains(k),
                            k);
                }
                if (m.has("max_input_tokens")) {
                    assertTrue(m.get("max_input_tokens").isIntegralNumber()
                            && m.get("max_input_tokens").asLong() > 0);
                }
                if (m.has("input_price")) {
                    assertTrue(m.get("input_price").isNumber(), p + " " + m);
                }
                if (m.has("type")) {
                    assertEquals("embedding", m.get("type").asText());
                }
            }
            assertEquals(new ArrayList<>(distinctNames(p)), names, p);
        }
    }

    @Test
    void aichatAnthropicIsAClaudeClientWithMaxOutputTokens() throws IOException {
        JsonNode client = YAML.readTree(
                        out.resolve("aichat/models_anthropic.yaml").toFile())
                .get("clients")
                .get(0);
        assertEquals("claude", client.get("type").asText());
        for (JsonNode m : client.get("models")) {
            assertTrue(m.get("require_max_tokens").asBoolean(), m.toString());
            assertTrue(m.get("max_output_tokens").asLong() > 0, m + ": LiteLLM's map knows every corpus model");
        }
        String text = Files.readString(out.resolve("aichat/models_anthropic.yaml"));
        assertTrue(text.contains("# from LiteLLM's map: max_input_tokens, max_output_tokens"), text);
    }

    @Test
    void aichatFactsSpotChecks() throws IOException {
        JsonNode openai = YAML.readTree(out.resolve("aichat/models_openai.yaml").toFile())
                .get("clients")
                .get(0);
        JsonNode gpt4o = find(openai.get("models"), "gpt-4o");
        assertEquals(128000, gpt4o.get("max_input_tokens").asInt(), "LiteLLM's 128000, not the legacy 16384");
        assertEquals(16384, gpt4o.get("max_output_tokens").asInt());
        assertEquals(new BigDecimal("2.5"), gpt4o.get("input_price").decimalValue());
        assertEquals(new BigDecimal("10"), gpt4o.get("output_price").decimalValue());
        assertEquals(
                "embedding",
                find(openai.get("models"), "text-embedding-3-small").get("type").asText());

        JsonNode openrouter = YAML.readTree(
                        out.resolve("aichat/models_openrouter.yaml").toFile())
                .get("clients")
                .get(0);
        JsonNode sonnet = find(openrouter.get("models"), "anthropic/claude-3.5-sonnet");
        assertEquals(new BigDecimal("3"), sonnet.get("input_price").decimalValue(), "0.000003 x 1M");
        assertEquals(new BigDecimal("15"), sonnet.get("output_price").decimalValue());
        assertTrue(sonnet.get("supports_vision").asBoolean());
        String text = Files.readString(out.resolve("aichat/models_openrouter.yaml"));
        assertFalse(text.matches("(?s).*price: [0-9.]*[0-9]{12,}.*"), "no binary float noise");

        assertEquals(
                "gemini-2.5-flash",
                find(
                                YAML.readTree(out.resolve("aichat/models_gemini.yaml")
                                                .toFile())
                                        .get("clients")
                                        .get(0)
                                        .get("models"),
                                "gemini-2.5-flash")
                        .get("name")
                        .asText());
        assertTrue(
                Files.readString(out.resolve("aichat/models_gemini.yaml"))
                        .contains("export GEMINI_API_KEY=\"$GOOGLE_API_KEY\""),
                "aichat's key variable differs: said in a comment");
    }

    @Test
    void modsFilesMatchTheSchemaWithoutReservedNamesOrAliases() throws IOException {
        for (String p : apiProviders()) {
            JsonNode doc =
                    YAML.readTree(out.resolve("mods/models_" + p + ".yml").toFile());
            assertEquals(1, doc.size(), p);
            JsonNode apis = doc.get("apis");
            assertEquals(1, apis.size(), p);
            String apiName = apis.fieldNames().next();
            assertFalse(ReservedNames.MODS_API_NAMES.contains(apiName), apiName);
            JsonNode api = apis.get(apiName);
            assertTrue(api.get("base-url").asText().startsWith("http"));
            assertEquals(
                    REGISTRY.find(p).orElseThrow().apiKeyEnv(),
                    api.get("api-key-env").asText());
            assertNull(api.get("api-key"));
            List<String> names = new ArrayList<>();
            api.get("models").fieldNames().forEachRemaining(names::add);
            assertEquals(new ArrayList<>(distinctNames(p)), names, p);
            for (JsonNode m : api.get("models")) {
                assertNull(m.get("aliases"), p + ": no invented aliases");
                if (m.has("max-input-chars")) {
                    assertTrue(m.get("max-input-chars").asLong() % 3 == 0);
                }
            }
        }
        JsonNode anthropic =
                YAML.readTree(out.resolve("mods/models_anthropic.yml").toFile()).get("apis");
        assertTrue(anthropic.has("anthropic-catalog"), anthropic.toString());
        JsonNode gpt4o = YAML.readTree(out.resolve("mods/models_openai.yml").toFile())
                .get("apis")
                .get("openai")
                .get("models")
                .get("gpt-4o");
        assertEquals(3 * 128000, gpt4o.get("max-input-chars").asInt());
    }

    @Test
    void codexProviderFilesUseResponsesAndNoReservedIds() throws IOException {
        for (String p : apiProviders()) {
            JsonNode doc =
                    TOML.readTree(out.resolve("codex/models_" + p + ".toml").toFile());
            assertEquals(Set.of("model_providers"), fieldNames(doc), p);
            JsonNode providers = doc.get("model_providers");
            assertEquals(1, providers.size());
            String id = providers.fieldNames().next();
            assertFalse(ReservedNames.CODEX_PROVIDER_IDS.contains(id), id);
            JsonNode table = providers.get(id);
            assertEquals(p, table.get("name").asText());
            assertEquals("responses", table.get("wire_api").asText());
            assertEquals(
                    REGISTRY.find(p).orElseThrow().apiKeyEnv(),
                    table.get("env_key").asText());
            assertTrue(table.get("base_url").asText().startsWith("http"));
        }
        assertTrue(TOML.readTree(out.resolve("codex/models_openai.toml").toFile())
                .get("model_providers")
                .has("openai-catalog"));
        assertTrue(TOML.readTree(out.resolve("codex/models_lmstudio.toml").toFile())
                .get("model_providers")
                .has("lmstudio-catalog"));
    }

    @Test
    void codexHasOneSelfContainedProfilePerDistinctModel() throws IOException {
        int expected = 0;
        for (String p : apiProviders()) {
            expected += distinctNames(p).size();
        }
        List<Path> profiles;
        try (Stream<Path> s = Files.list(out.resolve("codex/profiles"))) {
            profiles = s.toList();
        }
        assertEquals(expected, profiles.size(), "no model lost to a name collision");

        JsonNode gpt4o = TOML.readTree(
                out.resolve("codex/profiles/openai_gpt-4o.config.toml").toFile());
        assertEquals("gpt-4o", gpt4o.get("model").asText());
        assertEquals("openai-catalog", gpt4o.get("model_provider").asText());
        assertEquals(128000, gpt4o.get("model_context_window").asInt());
        assertEquals(
                "responses",
                gpt4o.get("model_providers")
                        .get("openai-catalog")
                        .get("wire_api")
                        .asText());

        JsonNode flash = TOML.readTree(out.resolve("codex/profiles/gemini_gemini-2_5-flash.config.toml")
                .toFile());
        assertEquals("gemini-2.5-flash", flash.get("model").asText(), "models/ prefix dropped");

        Set<String> seen = new HashSet<>();
        for (Path f : profiles) {
            JsonNode doc = TOML.readTree(f.toFile());
            String provider = doc.get("model_provider").asText();
            assertTrue(doc.get("model_providers").has(provider), f + ": self-contained");
            assertTrue(seen.add(provider + "\n" + doc.get("model").asText()), f.toString());
            if (doc.has("model_context_window")) {
                assertTrue(doc.get("model_context_window").asLong() > 0);
            }
        }
    }

    @Test
    void noKeyInAnyFile() throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                assertFalse(text.contains("DONOTLEAK"), f.toString());
            }
        }
    }

    @Test
    void aSecondRunGivesTheSameBytesAndRewritesNothing(@TempDir Path again) throws IOException {
        List<String> some = List.of("openai", "anthropic", "openrouter", "gemini", "togetherai");
        GenerateConfigsResult first =
                new ConfigGenerator().generate(request(CorpusEntries.catalogDir(), again, some, ModelIdFilter.all()));
        assertFalse(first.written().isEmpty());
        Map<Path, byte[]> bytes = new HashMap<>();
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        for (Path f : first.written()) {
            bytes.put(f, Files.readAllBytes(f));
            Files.setLastModifiedTime(f, old);
        }
        GenerateConfigsResult second =
                new ConfigGenerator().generate(request(CorpusEntries.catalogDir(), again, some, ModelIdFilter.all()));
        assertEquals(List.of(), second.written());
        assertEquals(first.written().size(), second.unchanged().size());
        for (Path f : first.written()) {
            assertArrayEquals(bytes.get(f), Files.readAllBytes(f), f.toString());
            assertEquals(old, Files.getLastModifiedTime(f), f + " was rewritten");
            // the same as the full run's file: a provider's files do not depend on the selection
            assertArrayEquals(Files.readAllBytes(out.resolve(again.relativize(f))), bytes.get(f), f.toString());
        }
    }

    @Test
    void includeAndExcludeGlobsOnModelIds(@TempDir Path dir) throws IOException {
        GenerateConfigsResult r = new ConfigGenerator()
                .generate(request(
                        CorpusEntries.catalogDir(),
                        dir,
                        List.of("openai"),
                        ModelIdFilter.of(List.of("gpt-4o*", "o1"), List.of("*audio*", "*realtime*"))));
        JsonNode models = YAML.readTree(dir.resolve("aichat/models_openai.yaml").toFile())
                .get("clients")
                .get(0)
                .get("models");
        List<String> names = new ArrayList<>();
        models.forEach(m -> names.add(m.get("name").asText()));
        assertTrue(names.contains("gpt-4o") && names.contains("o1") && names.contains("gpt-4o-mini"), names.toString());
        assertFalse(
                names.stream().anyMatch(n -> n.contains("audio") || n.contains("realtime") || n.equals("o1-mini")),
                names.toString());
        assertEquals(names.size(), r.generated().get(0).models());
        assertEquals(
                distinctNames("openai").size() - names.size(),
                r.generated().get(0).filtered());
    }

    @Test
    void profilesOfModelsThatAreGoneAreRemovedAndNothingElse(@TempDir Path dir) throws IOException {
        Path profiles = dir.resolve("codex/profiles");
        new ConfigGenerator()
                .generate(request(CorpusEntries.catalogDir(), dir, List.of("openai", "deepseek"), ModelIdFilter.all()));
        Path users = Files.writeString(profiles.resolve("my-own.config.toml"), "model = \"gpt-4o\"\n");
        assertTrue(Files.exists(profiles.resolve("openai_gpt-4o.config.toml")));

        GenerateConfigsResult r = new ConfigGenerator()
                .generate(request(
                        CorpusEntries.catalogDir(),
                        dir,
                        List.of("openai"),
                        ModelIdFilter.of(List.of(), List.of("gpt-4o*"))));
        assertFalse(Files.exists(profiles.resolve("openai_gpt-4o.config.toml")));
        assertTrue(
                r.removed().contains(profiles.resolve("openai_gpt-4o.config.toml")),
                r.removed().toString());
        assertTrue(
                r.removed().stream().allMatch(p -> p.getFileName().toString().startsWith("openai_gpt-4o")),
                r.removed().toString());
        assertTrue(Files.exists(profiles.resolve("openai_gpt-4_1.config.toml")), "still listed, kept");
        assertTrue(Files.exists(profiles.resolve("deepseek_deepseek-chat.config.toml")), "provider not in this run");
        assertEquals("model = \"gpt-4o\"\n", Files.readString(users), "a file the goal did not write");
    }

    @Test
    void structuredLayoutIsReadToo(@TempDir Path dir) throws IOException {
        Path catalog = dir.resolve("catalog");
        Files.createDirectories(catalog.resolve("json"));
        for (String p : List.of("openai", "litellm")) {
            Files.copy(
                    CorpusEntries.catalogDir().resolve("models_" + p + ".json"),
                    catalog.resolve("json/models_" + p + ".json"));
        }
        new ConfigGenerator().generate(request(catalog, dir.resolve("configs"), List.of(), ModelIdFilter.all()));
        assertArrayEquals(
                Files.readAllBytes(out.resolve("codex/profiles/openai_gpt-4o.config.toml")),
                Files.readAllBytes(dir.resolve("configs/codex/profiles/openai_gpt-4o.config.toml")));
    }

    @Test
    void aBrokenCatalogFileFailsWithItsLineAndWritesNothing(@TempDir Path dir) throws IOException {
        Path catalog = dir.resolve("catalog");
        Files.createDirectories(catalog);
        Files.copy(CorpusEntries.catalogDir().resolve("models_openai.json"), catalog.resolve("models_openai.json"));
        Files.writeString(catalog.resolve("models_zai.json"), "{\n  \"data\": [\n    {\"id\": \"glm-4.5\",}\n  ]\n}");
        Path output = dir.resolve("configs");
        DocumentParseException e = assertThrows(
                DocumentParseException.class,
                () -> new ConfigGenerator().generate(request(catalog, output, List.of(), ModelIdFilter.all())));
        assertTrue(e.getMessage().contains("models_zai.json:3:"), e.getMessage());
        assertFalse(Files.exists(output), "nothing written, not even openai's files");
    }

    @Test
    void selectionErrorsNameTheProviderAndTheRemedy(@TempDir Path dir) {
        assertThrows(
                UnknownProviderException.class,
                () -> new ConfigGenerator()
                        .generate(request(CorpusEntries.catalogDir(), dir, List.of("nosuch"), ModelIdFilter.all())));
        CatalogSelectionException missing = assertThrows(
                CatalogSelectionException.class,
                () -> new ConfigGenerator()
                        .generate(request(CorpusEntries.catalogDir(), dir, List.of("xai"), ModelIdFilter.all())));
        assertEquals(CatalogSelectionException.Reason.NOT_IN_CATALOG, missing.reason());
        assertEquals("xai", missing.provider());
        assertEquals(CorpusEntries.catalogDir().resolve("models_xai.json"), missing.path());
        assertTrue(
                missing.getMessage().contains("provider xai")
                        && missing.getMessage().contains("fetch it first"),
                missing.getMessage());
        CatalogSelectionException noCatalog = assertThrows(
                CatalogSelectionException.class,
                () -> new ConfigGenerator()
                        .generate(request(dir.resolve("absent"), dir, List.of(), ModelIdFilter.all())));
        assertEquals(CatalogSelectionException.Reason.NO_CATALOG, noCatalog.reason());
        assertEquals(dir.resolve("absent"), noCatalog.path());
        assertTrue(noCatalog.getMessage().contains("does not exist: fetch first"), noCatalog.getMessage());
    }

    @Test
    void builtInWritersAreTheToolsOwnAndKnowTheirFolder() {
        for (Tool tool : Tool.values()) {
            assertEquals(tool.id(), tool.writer().id());
            assertEquals(tool.id(), tool.writer().folder());
        }
        assertEquals(
                List.of("aichat", "codex", "mods", "opencode"),
                Tool.writers(Set.of(Tool.values())).stream().map(ToolWriter::id).toList());
        assertEquals(List.of("profiles/*.config.toml"), Tool.CODEX.writer().perModelFiles());
    }

    /**
     * A writer of another tool plugs into the same run: its files go to its folder, one per provider, and its
     * shared file once for all; every file lands in the manifest clean reads.
     */
    @Test
    void anotherWriterPlugsIn(@TempDir Path dir) throws IOException {
        ToolWriter notes = new ToolWriter() {
            @Override
            public String id() {
                return "notes";
            }

            @Override
            public String folder() {
                return "my-notes";
            }

            @Override
            public List<ToolFile> files(ProviderModels models) {
                return List.of(new ToolFile(
                        "by-provider/" + models.provider() + ".txt",
                        (models.header("#") + models.models().size() + " models\n").getBytes(StandardCharsets.UTF_8)));
            }

            @Override
            public List<ToolFile> sharedFiles(List<ProviderModels> providers) {
                String names = String.join(
                        ",", providers.stream().map(ProviderModels::provider).toList());
                return List.of(new ToolFile("index.txt", (names + "\n").getBytes(StandardCharsets.UTF_8)));
            }
        };
        GenerateConfigsResult r = new ConfigGenerator()
                .generate(new GenerateConfigsRequest(
                        CatalogQuery.builder(CorpusEntries.catalogDir())
                                .providers(List.of("deepseek", "groq"))
                                .registry(REGISTRY)
                                .env(EnvironmentLookup.of(env))
                                .build(),
                        dir,
                        List.of(notes, Tool.MODS.writer())));
        assertEquals(
                List.of(
                        dir.resolve("mods/models_deepseek.yml"),
                        dir.resolve("mods/models_groq.yml"),
                        dir.resolve("my-notes/by-provider/deepseek.txt"),
                        dir.resolve("my-notes/by-provider/groq.txt"),
                        dir.resolve("my-notes/index.txt")),
                r.written());
        assertEquals("deepseek,groq\n", Files.readString(dir.resolve("my-notes/index.txt")));
        assertEquals(
                Set.of(
                        "mods/models_deepseek.yml",
                        "mods/models_groq.yml",
                        "my-notes/by-provider/deepseek.txt",
                        "my-notes/by-provider/groq.txt",
                        "my-notes/index.txt"),
                GeneratedFiles.read(dir).digests().keySet());
        assertEquals(
                "# Generated by model-catalog (generate-configs) from models_deepseek.json; edits here are overwritten"
                        + " by the next run.\n2 models\n",
                Files.readString(dir.resolve("my-notes/by-provider/deepseek.txt")));
    }

    @Test
    void twoProvidersWritingOneFileFailBeforeAnyWrite(@TempDir Path dir) {
        ToolWriter oneFile = new ToolWriter() {
            @Override
            public String id() {
                return "single";
            }

            @Override
            public List<ToolFile> files(ProviderModels models) {
                return List.of(new ToolFile("all.txt", new byte[0]));
            }
        };
        GenerateConfigsException e = assertThrows(
                GenerateConfigsException.class,
                () -> new ConfigGenerator()
                        .generate(new GenerateConfigsRequest(
                                CatalogQuery.builder(CorpusEntries.catalogDir())
                                        .providers(List.of("deepseek", "openai"))
                                        .registry(REGISTRY)
                                        .env(EnvironmentLookup.of(env))
                                        .build(),
                                dir.resolve("configs"),
                                List.of(oneFile))));
        assertEquals(GenerateConfigsException.Reason.SAME_FILE, e.reason());
        assertEquals(List.of("deepseek", "openai"), e.providers());
        assertEquals(dir.resolve("configs/single/all.txt"), e.file());
        assertFalse(Files.exists(dir.resolve("configs")));
    }

    @Test
    void aRenamedProviderMayNotMeetOneReallyCalledSo(@TempDir Path dir) throws IOException {
        Path catalog = dir.resolve("catalog");
        Files.createDirectories(catalog);
        for (String p : List.of("openai", "openai-catalog")) {
            Files.copy(
                    CorpusEntries.catalogDir().resolve("models_openai.json"), catalog.resolve("models_" + p + ".json"));
        }
        ProviderRegistry registry = ProviderRegistry.layered(List.of(
                ProviderLayer.builtInProviders(),
                ProviderLayer.configured(
                        "the test",
                        "the test's one",
                        List.of(new ProviderDefinition(
                                "openai-catalog",
                                ProviderKind.OPENAI,
                                null,
                                null,
                                "https://example.invalid/v1",
                                null)))));
        GenerateConfigsException e = assertThrows(
                GenerateConfigsException.class,
                () -> new ConfigGenerator()
                        .generate(new GenerateConfigsRequest(
                                CatalogQuery.builder(catalog)
                                        .registry(registry)
                                        .env(EnvironmentLookup.of(env))
                                        .build(),
                                dir.resolve("configs"),
                                Tool.writers(Set.of(Tool.CODEX)))));
        assertEquals(GenerateConfigsException.Reason.RESERVED_NAME_TAKEN, e.reason());
        assertEquals(List.of("openai", "openai-catalog"), e.providers());
        assertTrue(e.getMessage().contains("because codex reserves its name"), e.getMessage());
        // aichat and mods keep the name openai: nothing clashes
        new ConfigGenerator()
                .generate(new GenerateConfigsRequest(
                        CatalogQuery.builder(catalog)
                                .registry(registry)
                                .env(EnvironmentLookup.of(env))
                                .build(),
                        dir.resolve("configs"),
                        Tool.writers(Set.of(Tool.AICHAT, Tool.MODS))));
        assertTrue(Files.exists(dir.resolve("configs/mods/models_openai-catalog.yml")));
    }

    @Test
    void aBaseUrlVariableWithAPasswordIsRefusedBeforeAnyConfigKeepsIt(@TempDir Path dir) {
        // the generated files would carry the password; the message names the variable, masked
        Map<String, String> withPassword = new HashMap<>(env);
        withPassword.put("GROQ_API_OPENAI", "https://bob:hunter2@proxy.example/groq/v1");
        CatalogSelectionException e = assertThrows(
                CatalogSelectionException.class,
                () -> new ConfigGenerator()
                        .generate(new GenerateConfigsRequest(
                                CatalogQuery.builder(CorpusEntries.catalogDir())
                                        .providers(List.of("deepseek", "groq"))
                                        .registry(REGISTRY)
                                        .env(EnvironmentLookup.of(withPassword))
                                        .build(),
                                dir.resolve("configs"),
                                Tool.writers(Set.of(Tool.values())))));
        assertEquals(CatalogSelectionException.Reason.CREDENTIALS_IN_URL, e.reason());
        assertEquals("groq", e.provider());
        assertEquals(
                "provider groq: the base URL in GROQ_API_OPENAI holds a user name or password "
                        + "(https://***@proxy.example/groq/v1), which its config files would keep: remove it and put "
                        + "the key in the provider's key variable",
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("configs")), "nothing written");
    }

    private static JsonNode find(JsonNode models, String name) {
        for (JsonNode m : models) {
            if (m.get("name").asText().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no model " + name);
    }

    private static Set<String> fieldNames(JsonNode n) {
        Set<String> out = new HashSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
