package io.modelcatalog.configupdate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcatalog.backups.BackupStore;
import io.modelcatalog.configediting.ConfigEditException;
import io.modelcatalog.configediting.JsonDocument;
import io.modelcatalog.facts.CorpusEntries;
import io.modelcatalog.facts.ModelFacts;
import io.modelcatalog.facts.ModelKind;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderKind;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.toolconfigs.CatalogQuery;
import io.modelcatalog.toolconfigs.ModelIdFilter;
import io.modelcatalog.toolconfigs.OpenCodeConfig;
import io.modelcatalog.toolconfigs.ProviderModels;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The OpenCode merger on text: each strategy, comments and every other key byte for byte, a second run changing
 * nothing, and broken files failing with line and column before anything is produced.
 */
class OpenCodeMergerTest {

    static final Path FILE = Path.of("/h/.config/opencode/opencode.jsonc").toAbsolutePath();

    /** How OpenCode reads the file: JSON with comments and trailing commas. */
    static final ObjectMapper JSONC = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    /** groq with two models, as the generators write it. */
    static final List<ProviderModels> GROQ = List.of(groq("m1", "m2"));

    static ProviderModels groq(String... ids) {
        List<ModelFacts> models = new java.util.ArrayList<>();
        for (String id : ids) {
            models.add(ModelFacts.builder(id)
                    .contextWindow(1000L)
                    .maxOutputTokens(100L)
                    .inputPrice(new BigDecimal("0.5"))
                    .outputPrice(new BigDecimal("1.5"))
                    .kind(ModelKind.CHAT)
                    .build());
        }
        return new ProviderModels(
                "groq",
                ProviderKind.OPENAI,
                "GROQ_API_KEY",
                "https://api.groq.com/openai/v1",
                "models_groq.json",
                models);
    }

    static String resource(String name) {
        try (InputStream in = OpenCodeMergerTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FileMerge.Write run(List<ProviderModels> providers, String before, MergeStrategy strategy) {
        Map<Path, byte[]> current = before == null ? Map.of() : Map.of(FILE, before.getBytes(StandardCharsets.UTF_8));
        List<FileMerge> out = new OpenCodeMerger(FILE).merge(providers, strategy, current);
        assertEquals(1, out.size());
        return assertInstanceOf(FileMerge.Write.class, out.get(0));
    }

    /** The merged text; asserts that a second run with it changes nothing. */
    static String merge(List<ProviderModels> providers, String before, MergeStrategy strategy) {
        String after = new String(run(providers, before, strategy).after(), StandardCharsets.UTF_8);
        FileMerge.Write again = run(providers, after, strategy);
        assertFalse(again.changed(), "a second run changes nothing:\n" + after);
        assertTrue(again.entries().stream().allMatch(e -> e.action() == EntryChange.Action.UNCHANGED));
        return after;
    }

    static String merge(String before, MergeStrategy strategy) {
        return merge(GROQ, before, strategy);
    }

    static JsonNode read(String text) {
        try {
            return JSONC.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generated entry, rendered as the merger renders it at some indentation. */
    static JsonNode generated(ProviderModels p) {
        return OpenCodeConfig.providerEntry(p);
    }

    @Test
    void aNewProviderGoesFirstInProviderAndNoByteOfTheFileChanges() {
        String before = resource("opencode.jsonc");
        String after = merge(before, MergeStrategy.MERGE);
        String anchor = "  \"provider\": {\n";
        int at = before.indexOf(anchor) + anchor.length();
        String inserted = after.substring(at, at + after.length() - before.length());
        assertEquals(before, after.substring(0, at) + after.substring(at + inserted.length()), "only an insertion");
        assertTrue(inserted.startsWith("    \"groq\": {\n      \"npm\": \"@ai-sdk/openai-compatible\",\n"), inserted);
        assertTrue(inserted.endsWith("\n    },\n"), inserted);
        JsonNode doc = read(after);
        assertSameData(generated(GROQ.get(0)), doc.path("provider").path("groq"));
        JsonNode was = read(before);
        for (String key : List.of("$schema", "model", "mcp", "agent", "theme")) {
            assertEquals(was.get(key), doc.get(key), key);
        }
        assertEquals(was.path("provider").path("ollama"), doc.path("provider").path("ollama"));
    }

    @Test
    void mergeUpdatesFactsAddsModelsAndKeepsTheUsersOwnKeysModelsAndComments() {
        String before = """
                {
                  // providers
                  "provider": {
                    "groq": {
                      "npm": "@ai-sdk/openai-compatible",
                      "name": "groq",
                      "options": {
                        "baseURL": "https://old.example/v1",
                        "headers": {"X-Team": "a"}, // my header
                      },
                      "whitelist": ["mine", "m1"],
                      "models": {
                        // my own model
                        "mine": {"name": "Mine"},
                        "m1": {
                          "limit": {"context": 5, "output": 1},
                          "variants": {"fast": {}} // kept
                        }
                      }
                    }
                  }
                }
                """;
        String after = merge(before, MergeStrategy.MERGE);
        JsonNode groq = read(after).path("provider").path("groq");
        assertEquals(
                "https://api.groq.com/openai/v1",
                groq.path("options").path("baseURL").asText());
        assertEquals("{env:GROQ_API_KEY}", groq.path("options").path("apiKey").asText());
        assertEquals("a", groq.path("options").path("headers").path("X-Team").asText());
        assertEquals(read("[\"mine\", \"m1\", \"m2\"]"), groq.path("whitelist"));
        assertEquals("Mine", groq.path("models").path("mine").path("name").asText());
        assertEquals(
                1000,
                groq.path("models").path("m1").path("limit").path("context").asInt());
        assertTrue(groq.path("models").path("m1").has("variants"));
        assertSameData(
                generated(GROQ.get(0)).path("models").path("m2"),
                groq.path("models").path("m2"));
        for (String comment : List.of("// providers", "// my header", "// my own model", "// kept")) {
            assertTrue(after.contains(comment), comment + " in\n" + after);
        }
        FileMerge.Write f = run(GROQ, before, MergeStrategy.MERGE);
        assertEquals(List.of(new EntryChange("groq", "provider.groq", EntryChange.Action.UPDATED, 1, 0)), f.entries());
    }

    /** The example of the update-configs guide, with the corpus' groq. */
    @Test
    void theGuidesExampleIsWhatMergeWrites() {
        String before = """
                {
                  "$schema": "https://opencode.ai/config.json",
                  "model": "groq/llama-3.3-70b-versatile",
                  "provider": {
                    "groq": {
                      "options": {
                        "timeout": 60000 // slow evenings
                      },
                      "models": {
                        // the one I use
                        "llama-3.3-70b-versatile": {"limit": {"context": 8192, "output": 1024}}
                      }
                    }
                  }
                }
                """;
        String after = merge(RealConfigs.providers("groq"), before, MergeStrategy.MERGE);
        assertTrue(after.startsWith("""
                {
                  "$schema": "https://opencode.ai/config.json",
                  "model": "groq/llama-3.3-70b-versatile",
                  "provider": {
                    "groq": {
                      "options": {
                        "timeout": 60000, // slow evenings
                        "baseURL": "https://api.groq.com/openai/v1",
                        "apiKey": "{env:GROQ_API_KEY}"
                      },
                      "models": {
                        // the one I use
                        "llama-3.3-70b-versatile": {"limit": {"context": 131072, "output": 32768}, "status": "active", \
                "release_date": "2024-12-06", "tool_call": true, "cost": {"input": 0.59, "output": 0.79}},
                        "allam-2-7b": {
                          "status": "active",
                """), after);
        assertTrue(after.endsWith("""
                      },
                      "npm": "@ai-sdk/openai-compatible",
                      "name": "groq"
                    }
                  }
                }
                """), after);
    }

    @Test
    void mergeAddsNoWhitelistWhereTheUserHasNone() {
        String before = "{\"provider\": {\"groq\": {\"options\": {\"timeout\": 5}}}}\n";
        JsonNode groq =
                read(merge(before, MergeStrategy.MERGE)).path("provider").path("groq");
        assertFalse(groq.has("whitelist"), groq.toString());
        assertEquals(5, groq.path("options").path("timeout").asInt());
        assertEquals(2, groq.path("models").size());
    }

    @Test
    void pruneDropsTheUsersModelsTheProviderNoLongerListsAndWhitelistsTheCatalog() {
        String before = """
                {
                  "provider": {
                    "groq": {
                      "options": {"headers": {"X": "y"}},
                      "models": {
                        "gone": {"name": "Gone"},
                        "m1": {"name": "Mine"},
                        "old": {}
                      }
                    },
                    "ollama": {"models": {"llama": {}}}
                  }
                }
                """;
        String after = merge(before, MergeStrategy.PRUNE);
        JsonNode doc = read(after);
        JsonNode groq = doc.path("provider").path("groq");
        assertEquals(List.of("m1", "m2"), names(groq.path("models")));
        assertEquals(read("[\"m1\", \"m2\"]"), groq.path("whitelist"));
        assertEquals("y", groq.path("options").path("headers").path("X").asText());
        assertEquals(read("{\"models\": {\"llama\": {}}}"), doc.path("provider").path("ollama"));
        assertTrue(after.endsWith("    \"ollama\": {\"models\": {\"llama\": {}}}\n  }\n}\n"), after);
        FileMerge.Write f = run(GROQ, before, MergeStrategy.PRUNE);
        assertEquals(1, f.entries().get(0).modelsAdded());
        assertEquals(2, f.entries().get(0).modelsRemoved());
    }

    @Test
    void pruneKeepsTheUsersWhitelistOrderForModelsThatStay() {
        String before = "{\"provider\": {\"groq\": {\"whitelist\": [\"m2\", \"gone\"], \"models\": {}}}}";
        JsonNode groq =
                read(merge(before, MergeStrategy.PRUNE)).path("provider").path("groq");
        assertEquals(read("[\"m2\", \"m1\"]"), groq.path("whitelist"));
    }

    @Test
    void replaceWritesTheEntryAsGeneratedAndLeavesTheRestAsItWas() {
        String head = "{\n  \"provider\": {\n    // mine\n    \"groq\": ";
        String tail = ",\n    \"other\": {} // untouched\n  },\n  \"mcp\": {}\n}\n";
        String before = head + "{\"name\": \"x\", \"models\": {\"mine\": {}}, \"blacklist\": [\"m1\"]}" + tail;
        String after = merge(before, MergeStrategy.REPLACE);
        assertTrue(after.startsWith(head), after);
        assertTrue(after.endsWith(tail), after);
        assertSameData(generated(GROQ.get(0)), read(after).path("provider").path("groq"));
    }

    @Test
    void theRenderedEntryIsTheGeneratedFilesEntryAtTheFilesIndentation() {
        String after = merge("{\n\t\"provider\": {\n\t}\n}\n", MergeStrategy.MERGE);
        String generatedFile = new String(OpenCodeConfig.toBytes(GROQ.get(0)), StandardCharsets.UTF_8);
        String entry =
                generatedFile.substring(generatedFile.indexOf("    \"groq\""), generatedFile.lastIndexOf("\n  }"));
        String tabbed = entry.replace("  ", "\t");
        assertEquals("{\n\t\"provider\": {\n" + tabbed + "\n\t}\n}\n", after);
    }

    @Test
    void trailingCommasAndCrlfLineEndingsAreKept() {
        String before = "{\r\n  \"model\": \"groq/m1\",\r\n  \"provider\": {\r\n    \"a\": {},\r\n  },\r\n}\r\n";
        String after = merge(before, MergeStrategy.MERGE);
        assertTrue(
                after.startsWith("{\r\n  \"model\": \"groq/m1\",\r\n  \"provider\": {\r\n    \"groq\": {\r\n"), after);
        assertTrue(after.endsWith("\r\n    },\r\n    \"a\": {},\r\n  },\r\n}\r\n"), after);
        assertFalse(after.replace("\r\n", "").contains("\n"), "CRLF only");
    }

    @Test
    void aFileWithoutProviderGetsItAfterSchema() {
        String before = "{\n  \"$schema\": \"https://opencode.ai/config.json\",\n  \"theme\": \"dark\"\n}\n";
        String after = merge(before, MergeStrategy.MERGE);
        assertTrue(
                after.startsWith("{\n  \"$schema\": \"https://opencode.ai/config.json\",\n  \"provider\": {\n"), after);
        assertTrue(after.endsWith("\n  },\n  \"theme\": \"dark\"\n}\n"), after);
    }

    @Test
    void aMissingEmptyOrCommentOnlyFileGetsSchemaAndProvider() {
        String created = merge(null, MergeStrategy.MERGE);
        assertTrue(created.startsWith("{\n  \"$schema\": \"https://opencode.ai/config.json\",\n  \"provider\": {\n"));
        assertSameData(generated(GROQ.get(0)), read(created).path("provider").path("groq"));
        assertTrue(run(GROQ, null, MergeStrategy.MERGE).creates());
        assertEquals(created, merge("", MergeStrategy.MERGE));
        String commented = merge("// my opencode settings\n", MergeStrategy.MERGE);
        assertEquals("// my opencode settings\n" + created, commented);
        String inline = merge("{\"provider\": {}}", MergeStrategy.MERGE);
        assertTrue(inline.startsWith("{\"provider\": {\n  \"groq\": {\n    \"npm\""), inline);
        assertTrue(inline.endsWith("\n  }\n}}"), inline);
    }

    @Test
    void aBrokenFileFailsWithLineAndColumn() {
        ConfigEditException e = assertThrows(
                ConfigEditException.class,
                () -> run(
                        GROQ,
                        "{\n  \"provider\": {\n    \"groq\": {\"name\": \"x\" \"npm\": 1}\n  }\n}\n",
                        MergeStrategy.MERGE));
        assertEquals(FILE, e.file());
        assertEquals(3, e.line());
        assertEquals(26, e.column());
        assertTrue(e.getMessage().contains("is not valid JSON (comments and trailing commas allowed)"), e.getMessage());
    }

    @Test
    void aRepeatedKeyIsAnError() {
        ConfigEditException e = assertThrows(
                ConfigEditException.class,
                () -> run(GROQ, "{\"provider\": {\"groq\": {}, \"groq\": {}}}", MergeStrategy.MERGE));
        assertTrue(e.getMessage().contains("repeats a key"), e.getMessage());
        assertEquals(1, e.line());
    }

    @Test
    void anUnquotedWordIsNotEchoed() {
        ConfigEditException e = assertThrows(
                ConfigEditException.class,
                () -> run(
                        GROQ,
                        "{\"provider\": {\"groq\": {\"options\": {\"apiKey\": sk-secret123}}}}",
                        MergeStrategy.MERGE));
        assertFalse(e.getMessage().contains("sk-secret123"), e.getMessage());
        assertEquals(1, e.line());
    }

    @Test
    void providerThatIsNotAnObjectIsAnError() {
        ConfigEditException e = assertThrows(
                ConfigEditException.class, () -> run(GROQ, "{\n  \"provider\": []\n}", MergeStrategy.MERGE));
        assertEquals(2, e.line());
        assertEquals(15, e.column());
        assertTrue(e.getMessage().contains("'provider' is not an object"), e.getMessage());
    }

    @Test
    void textAfterTheObjectIsAnError() {
        ConfigEditException e =
                assertThrows(ConfigEditException.class, () -> run(GROQ, "{}\n{}\n", MergeStrategy.MERGE));
        assertEquals(2, e.line());
    }

    @Test
    void anUnchangedFileKeepsItsBytes() {
        String once = merge(resource("opencode.jsonc"), MergeStrategy.PRUNE);
        FileMerge.Write again = run(GROQ, once, MergeStrategy.MERGE);
        assertArrayEquals(once.getBytes(StandardCharsets.UTF_8), again.after());
    }

    /**
     * Real corpus providers (openrouter: hundreds of models) into the commented sample: first some of their models
     * (those without an 'a' in their id), then all of them with each strategy. Every line of the sample stays, the
     * entries end up with the catalog's models and facts, and a second run changes nothing.
     */
    @ParameterizedTest
    @EnumSource(MergeStrategy.class)
    void corpusProvidersMergeIntoTheSampleAndASecondRunChangesNothing(MergeStrategy strategy) {
        String[] names = {"anthropic", "groq", "openrouter"};
        List<ProviderModels> some = RealConfigs.providers(ModelIdFilter.of(List.of(), List.of("*a*")), names);
        List<ProviderModels> all = RealConfigs.providers(names);
        String sample = resource("opencode.jsonc");
        String after = merge(all, merge(some, sample, MergeStrategy.MERGE), strategy);
        JsonNode doc = read(after);
        for (ProviderModels p : all) {
            ObjectNode generated = OpenCodeConfig.providerEntry(p);
            JsonNode entry = doc.path("provider").path(p.provider());
            assertSameData(generated.get("models"), entry.get("models"));
            assertEquals(ids(generated.get("whitelist")), ids(entry.get("whitelist")), p.provider());
            ObjectNode rest = generated.deepCopy().without(List.of("models", "whitelist"));
            assertSameData(rest, ((ObjectNode) entry.deepCopy()).without(List.of("models", "whitelist")));
        }
        for (String line : sample.split("\n")) {
            assertTrue(after.contains(line + "\n"), line);
        }
    }

    private static java.util.Set<String> ids(JsonNode array) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void throughTheUpdaterABrokenFileIsLeftAsItWasWithoutBackup(@TempDir Path home) throws IOException {
        Path config = home.resolve(".config/opencode/opencode.jsonc");
        Files.createDirectories(config.getParent());
        String broken = resource("opencode.jsonc").replace("\"autoupdate\": false,", "\"autoupdate\": false");
        Files.writeString(config, broken);
        ConfigEditException e =
                assertThrows(ConfigEditException.class, () -> new ConfigUpdater().update(request(home, config, false)));
        assertEquals(config.toAbsolutePath(), e.file());
        assertEquals(8, e.line());
        assertEquals(3, e.column());
        assertEquals(broken, Files.readString(config));
        assertFalse(Files.exists(home.resolve("backups")), "no backup");
        try (Stream<Path> s = Files.list(config.getParent())) {
            assertEquals(List.of(config), s.toList(), "no temporary file beside it");
        }
    }

    @Test
    void throughTheUpdaterTheFileIsBackedUpAndKeepsItsMode(@TempDir Path home) throws IOException {
        Path config = home.resolve("opencode.json");
        String sample = resource("opencode.jsonc");
        Files.writeString(config, sample);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));

        UpdateConfigsResult dry = new ConfigUpdater().update(request(home, config, true));
        assertEquals(1, dry.diffs().size());
        assertTrue(dry.diffs().get(0).contains("+    \"groq\": {"), dry.diffs().get(0));
        assertEquals(sample, Files.readString(config), "a dry run writes nothing");
        assertFalse(Files.exists(home.resolve("backups")));

        UpdateConfigsResult r = new ConfigUpdater().update(request(home, config, false));
        assertEquals(1, r.changed().size());
        assertEquals(
                sample,
                Files.readString(
                        r.backup().folder().resolve(r.backup().entries().get(0).storedName())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
        assertEquals(
                List.of(),
                new ConfigUpdater().update(request(home, config, false)).changed());
    }

    static UpdateConfigsRequest request(Path home, Path config, boolean dryRun) {
        return UpdateConfigsRequest.builder(
                        CatalogQuery.builder(CorpusEntries.catalogDir())
                                .providers(List.of("groq"))
                                .registry(ProviderRegistry.builtIn())
                                .env(EnvironmentLookup.of(Map.of()))
                                .build(),
                        new BackupStore(home.resolve("backups"), Clock.systemUTC()),
                        home.resolve("locks"))
                .mergers(List.of(new OpenCodeMerger(config)))
                .dryRun(dryRun)
                .build();
    }

    static void assertSameData(JsonNode expected, JsonNode actual) {
        assertTrue(JsonDocument.same(expected, actual), "expected " + expected + "\nbut was  " + actual);
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
