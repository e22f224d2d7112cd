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
                                .env(EnvironmentLookup.of(Map.of()))
                                .build(),
                        out,
                        writers));
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
}
