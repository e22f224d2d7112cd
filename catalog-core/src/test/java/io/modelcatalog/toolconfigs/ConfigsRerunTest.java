package io.modelcatalog.toolconfigs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.facts.CorpusEntries;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.tools.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rerun of generate-configs with a state folder renders only the providers whose inputs (catalog file, LiteLLM's
 * map, filter, writers, code) changed or whose generated files were edited or deleted; the others are neither read
 * nor rendered nor written, and every file ends up with the bytes a full run gives.
 */
class ConfigsRerunTest {

    private static final List<String> PROVIDERS = List.of("openai", "anthropic", "groq", "litellm");

    @TempDir
    Path catalog;

    @TempDir
    Path out;

    @TempDir
    Path state;

    /** The built-in writers, counting the providers they render. */
    private final List<String> rendered = new ArrayList<>();

    /** What rendering these providers with every built-in writer records, in order. */
    private static List<String> renders(String... providers) {
        List<String> out = new ArrayList<>();
        for (String p : providers) {
            for (ToolWriter w : Tool.writers(Set.of(Tool.values()))) {
                out.add(w.id() + ":" + p);
            }
        }
        return out;
    }

    /** Every provider of the test catalog, by every writer. */
    private static final int EVERYTHING = renders("anthropic", "groq", "openai").size();

    private final class Counting implements ToolWriter {
        private final ToolWriter writer;
        private final Optional<String> fingerprint;

        Counting(ToolWriter writer, Optional<String> fingerprint) {
            this.writer = writer;
            this.fingerprint = fingerprint;
        }

        @Override
        public String id() {
            return writer.id();
        }

        @Override
        public List<ToolFile> files(ProviderModels models) {
            rendered.add(writer.id() + ":" + models.provider());
            return writer.files(models);
        }

        @Override
        public String providerName(String provider) {
            return writer.providerName(provider);
        }

        @Override
        public List<String> perModelFiles() {
            return writer.perModelFiles();
        }

        @Override
        public Optional<String> fingerprint() {
            return fingerprint;
        }
    }

    @BeforeEach
    void copyCatalog() throws IOException {
        for (String p : PROVIDERS) {
            Files.copy(
                    CorpusEntries.catalogDir().resolve("models_" + p + ".json"),
                    catalog.resolve("models_" + p + ".json"));
        }
    }

    private GenerateConfigsResult run(ModelIdFilter filter, boolean fingerprints) throws IOException {
        return run(filter, fingerprints, Map.of(), out, false);
    }

    private GenerateConfigsResult run(
            ModelIdFilter filter, boolean fingerprints, Map<String, String> env, Path out, boolean force)
            throws IOException {
        List<ToolWriter> writers = new ArrayList<>();
        for (ToolWriter w : Tool.writers(Set.of(Tool.values()))) {
            writers.add(new Counting(w, fingerprints ? w.fingerprint() : Optional.empty()));
        }
        rendered.clear();
        return new ConfigGenerator(state)
                .generate(new GenerateConfigsRequest(
                        CatalogQuery.builder(catalog)
                                .filter(filter)
                                .registry(ProviderRegistry.builtIn())
                                .env(EnvironmentLookup.of(env))
                                .build(),
                        out,
                        writers,
                        force));
    }

    private GenerateConfigsResult run() throws IOException {
        return run(ModelIdFilter.all(), true);
    }

    private Map<Path, byte[]> files() throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                files.put(out.relativize(f), Files.readAllBytes(f));
            }
        }
        return files;
    }

    private void assertFiles(Map<Path, byte[]> expected) throws IOException {
        Map<Path, byte[]> actual = files();
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((f, bytes) -> assertArrayEquals(bytes, actual.get(f), f.toString()));
    }

    private static Path someProfile(Path out, String provider) throws IOException {
        try (Stream<Path> s = Files.list(out.resolve("codex/profiles"))) {
            return s.filter(f -> f.getFileName().toString().startsWith(provider))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void aRerunWithNothingChangedRendersAndWritesNothing() throws IOException {
        GenerateConfigsResult first = run();
        assertEquals(EVERYTHING, rendered.size(), rendered::toString);
        Map<Path, byte[]> files = files();
        FileTime time = Files.getLastModifiedTime(out.resolve("aichat/models_openai.yaml"));

        GenerateConfigsResult again = run();
        assertEquals(List.of(), rendered);
        assertEquals(List.of(), again.written());
        assertEquals(first.written().size(), again.unchanged().size());
        assertEquals(first.generated(), again.generated(), "the same summary lines");
        assertFiles(files);
        assertEquals(time, Files.getLastModifiedTime(out.resolve("aichat/models_openai.yaml")));
    }

    @Test
    void anEditedOrDeletedFileRendersItsProviderAgain() throws IOException {
        run();
        Map<Path, byte[]> files = files();
        Path profile = someProfile(out, "groq");
        Files.writeString(profile, Files.readString(profile).replace("model", "MODEL"));
        Files.delete(out.resolve("mods/models_anthropic.yml"));

        GenerateConfigsResult again = run();
        assertEquals(renders("anthropic", "groq"), rendered);
        assertEquals(2, again.written().size(), again.written()::toString);
        assertFiles(files);
        run();
        assertEquals(List.of(), rendered, "recorded again");
    }

    @Test
    void aChangedCatalogFileRendersItsProviderAndRemovesProfilesOfModelsGone() throws IOException {
        run();
        Path groq = catalog.resolve("models_groq.json");
        String text = Files.readString(groq, StandardCharsets.UTF_8);
        Path profile = someProfile(out, "groq");
        String model = Files.readAllLines(profile).stream()
                .filter(l -> l.startsWith("model = "))
                .findFirst()
                .orElseThrow()
                .substring("model = ".length());
        // the model's entry loses its id, so the model is gone
        Files.writeString(groq, text.replace("\"id\": " + model, "\"gone\": " + model), StandardCharsets.UTF_8);

        GenerateConfigsResult again = run();
        assertEquals(renders("groq"), rendered);
        assertEquals(List.of(profile), again.removed());
        assertFalse(Files.exists(profile));
    }

    @Test
    void liteLlmsMapTheFilterOrAWriterWithoutFingerprintRenderEverything() throws IOException {
        run();
        Path map = catalog.resolve("models_litellm.json");
        Files.writeString(map, Files.readString(map).replaceFirst("\\n", "\n "));
        run();
        assertEquals(EVERYTHING, rendered.size(), "LiteLLM's map fills in for every provider");
        run(ModelIdFilter.of(List.of(), List.of("*mini*")), true);
        assertEquals(EVERYTHING, rendered.size(), "another filter");
        run(ModelIdFilter.of(List.of(), List.of("*mini*")), false);
        assertEquals(EVERYTHING, rendered.size(), "a writer that cannot tell what its output depends on");
        run(ModelIdFilter.of(List.of(), List.of("*mini*")), false);
        assertEquals(EVERYTHING, rendered.size(), "every time");
    }

    @Test
    void aTouchedCatalogFileWithTheSameBytesChangesNothing() throws IOException {
        run();
        Files.setLastModifiedTime(catalog.resolve("models_openai.json"), FileTime.fromMillis(0));
        GenerateConfigsResult again = run();
        assertEquals(List.of(), rendered);
        assertTrue(again.written().isEmpty());
    }

    // the whole-run check: nothing changed means nothing read

    /** The record of the whole run, beside the per-provider manifest in the state folder. */
    private Path runRecord() throws IOException {
        try (Stream<Path> s = Files.list(state.resolve("generate-configs"))) {
            return s.filter(f -> f.getFileName().toString().endsWith(".run"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void aRerunWithNothingChangedIsUpToDateWithoutReadingTheCatalog() throws IOException {
        GenerateConfigsResult first = run();
        assertFalse(first.upToDate());
        // the per-provider manifest is what a catalog-reading rerun consults: gone, such a rerun would render all
        Files.delete(
                runRecord().resolveSibling(runRecord().getFileName().toString().replace(".run", ".json")));

        GenerateConfigsResult again = run();
        assertTrue(again.upToDate(), "decided from the record alone");
        assertEquals(List.of(), rendered);
        assertEquals(first.generated(), again.generated(), "the same summary lines");
        assertEquals(first.skipped(), again.skipped());
        assertEquals(List.of(), again.written());
        assertEquals(first.written().stream().sorted().toList(), again.unchanged(), "every file the first run wrote");
        assertTrue(run().upToDate(), "and again");
    }

    @Test
    void aChangedCatalogFileIsNoticedAndRendersOnlyItsProvider() throws IOException {
        run();
        Map<Path, byte[]> before = files();
        Path groq = catalog.resolve("models_groq.json");
        Files.writeString(groq, Files.readString(groq).replaceFirst("\n", "\n "));

        GenerateConfigsResult again = run();
        assertFalse(again.upToDate());
        assertEquals(renders("groq"), rendered);
        assertFiles(before);
        assertTrue(run().upToDate(), "recorded again");
    }

    @Test
    void aTouchedCatalogFileWithTheSameBytesIsStillUpToDate() throws IOException {
        run();
        Files.setLastModifiedTime(catalog.resolve("models_openai.json"), FileTime.fromMillis(0));
        assertTrue(run().upToDate(), "hashed, same bytes");
        assertEquals(List.of(), rendered);
        assertTrue(run().upToDate());
    }

    @Test
    void anAddedOrDeletedCatalogFileIsNoticed() throws IOException {
        run();
        Files.copy(CorpusEntries.catalogDir().resolve("models_mistral.json"), catalog.resolve("models_mistral.json"));
        GenerateConfigsResult added = run();
        assertFalse(added.upToDate());
        assertEquals(renders("mistral"), rendered, "only the new provider");
        assertTrue(run().upToDate());

        Files.delete(catalog.resolve("models_mistral.json"));
        GenerateConfigsResult deleted = run();
        assertFalse(deleted.upToDate());
        assertFalse(deleted.generated().stream().anyMatch(g -> g.provider().equals("mistral")));
    }

    @Test
    void aChangedSettingIsNoticed() throws IOException {
        run();
        GenerateConfigsResult filtered = run(ModelIdFilter.of(List.of(), List.of("*mini*")), true);
        assertFalse(filtered.upToDate(), "another filter");
        assertEquals(EVERYTHING, rendered.size());
        assertTrue(run(ModelIdFilter.of(List.of(), List.of("*mini*")), true).upToDate());

        GenerateConfigsResult otherUrl = run(
                ModelIdFilter.of(List.of(), List.of("*mini*")),
                true,
                Map.of("GROQ_API_OPENAI", "http://127.0.0.1:9/v1"),
                out,
                false);
        assertFalse(otherUrl.upToDate(), "a base URL from the environment");
        assertEquals(renders("groq"), rendered);
        assertTrue(Files.readString(out.resolve("aichat/models_groq.yaml")).contains("http://127.0.0.1:9/v1"));
    }

    @Test
    void anotherConfigsFolderOrForceRunsInFull() throws IOException {
        run();
        Path elsewhere = out.resolve("elsewhere");
        assertFalse(run(ModelIdFilter.all(), true, Map.of(), elsewhere, false).upToDate());
        assertEquals(EVERYTHING, rendered.size());

        GenerateConfigsResult forced = run(ModelIdFilter.all(), true, Map.of(), out, true);
        assertFalse(forced.upToDate());
        assertEquals(EVERYTHING, rendered.size(), "force renders everything");
        assertEquals(List.of(), forced.written(), "and rewrites nothing current");
        assertTrue(run().upToDate(), "recorded by the forced run");
    }

    @Test
    void anEditedDeletedOrAddedGeneratedFileIsNoticed() throws IOException {
        run();
        Map<Path, byte[]> files = files();
        Path profile = someProfile(out, "groq");
        Files.delete(profile);
        GenerateConfigsResult deleted = run();
        assertFalse(deleted.upToDate());
        assertEquals(renders("groq"), rendered);
        assertEquals(List.of(profile), deleted.written(), "rewritten");
        assertFiles(files);

        Files.writeString(out.resolve(GeneratedFiles.MANIFEST), "{}");
        assertFalse(run().upToDate(), "the configs folder's manifest edited");
        assertEquals(List.of(), rendered);
        assertFiles(files);

        // an earlier run's profile of a model now gone, put back: the full run removes it
        Path stale = out.resolve("codex/profiles/groq-gone.config.toml");
        Files.write(stale, files.get(out.relativize(profile)));
        GenerateConfigsResult added = run();
        assertFalse(added.upToDate(), "a file added to the profiles folder");
        assertEquals(List.of(stale), added.removed());
        assertTrue(run().upToDate());
    }

    @Test
    void aDamagedOrForeignRecordMeansAFullRunNeverAnError() throws IOException {
        run();
        Path record = runRecord();
        String text = Files.readString(record);
        for (String damaged : List.of(
                "",
                "garbage\n",
                text.replace("model-catalog up-to-date record 1", "model-catalog up-to-date record 99"),
                text.substring(0, text.length() / 2),
                text.replaceFirst(" \\d+ ", " x "),
                text + "unknown line\n")) {
            Files.writeString(record, damaged);
            GenerateConfigsResult again = run();
            assertFalse(again.upToDate(), damaged.length() > 80 ? damaged.substring(0, 80) : damaged);
            assertEquals(List.of(), again.written());
            assertTrue(run().upToDate(), "recorded again");
        }
    }

    @Test
    void aWriterThatCannotTellIsNeverUpToDate() throws IOException {
        run(ModelIdFilter.all(), false);
        assertFalse(run(ModelIdFilter.all(), false).upToDate());
        assertEquals(EVERYTHING, rendered.size());
    }

    @Test
    void aTemplateRunIsUpToDateUntilAFileOfTheTemplatesFolderChanges() throws IOException {
        Path templates = Files.createDirectories(state.resolve("templates"));
        Files.copy(
                CorpusEntries.catalogDir().resolve("../../templates/examples/litellm.yaml.ftl"),
                templates.resolve("litellm.yaml.ftl"));
        GenerateConfigsRequest request = new GenerateConfigsRequest(
                CatalogQuery.builder(catalog)
                        .registry(ProviderRegistry.builtIn())
                        .env(EnvironmentLookup.of(Map.of()))
                        .build(),
                out,
                new io.modelcatalog.templates.TemplateRenderer().writers(templates));
        assertFalse(new ConfigGenerator(state).generate(request).upToDate());
        assertTrue(new ConfigGenerator(state).generate(request).upToDate());

        Files.writeString(
                Files.createDirectories(templates.resolve("lib")).resolve("included.ftl"),
                "<#-- a file a template may include -->");
        GenerateConfigsRequest again = new GenerateConfigsRequest(
                request.catalog(), out, new io.modelcatalog.templates.TemplateRenderer().writers(templates));
        assertFalse(new ConfigGenerator(state).generate(again).upToDate(), "any file of the templates folder");
        Path template = templates.resolve("litellm.yaml.ftl");
        Files.writeString(template, Files.readString(template) + "# edited\n");
        GenerateConfigsRequest edited = new GenerateConfigsRequest(
                request.catalog(), out, new io.modelcatalog.templates.TemplateRenderer().writers(templates));
        GenerateConfigsResult result = new ConfigGenerator(state).generate(edited);
        assertFalse(result.upToDate());
        assertTrue(Files.readString(out.resolve("litellm/models.yaml")).endsWith("# edited\n"), "rendered anew");
    }
}
