package io.modelcatalog.configupdate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.backups.BackupStore;
import io.modelcatalog.facts.CorpusEntries;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.toolconfigs.CatalogQuery;
import io.modelcatalog.toolconfigs.ModelIdFilter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rerun of update-configs with nothing to change reads and merges nothing: the catalog files, the settings and
 * every config file (the real ones, after links) are as the last run left them. Any change to them, a user's edit
 * included, makes a full run that keeps every byte of theirs; dry runs never use the record nor write it.
 */
class UpdateConfigsRerunTest {

    private static final List<String> PROVIDERS = List.of("groq", "mistral", "openai", "litellm");

    @TempDir
    Path home;

    private Path catalog;

    private Path aichat() {
        return home.resolve(".config/aichat/config.yaml");
    }

    private Path mods() {
        return home.resolve(".config/mods/mods.yml");
    }

    private Path codexHome() {
        return home.resolve(".codex");
    }

    private Path state() {
        return home.resolve(".cache/model-catalog");
    }

    @BeforeEach
    void files() throws IOException {
        catalog = Files.createDirectories(home.resolve("catalog"));
        for (String p : PROVIDERS) {
            Files.copy(
                    CorpusEntries.catalogDir().resolve("models_" + p + ".json"),
                    catalog.resolve("models_" + p + ".json"));
        }
        Files.createDirectories(aichat().getParent());
        Files.createDirectories(mods().getParent());
        Files.createDirectories(codexHome());
        Files.write(aichat(), RealConfigs.repairedAichat());
        Files.write(mods(), RealConfigs.bytes("mods/mods.yml"));
        Files.write(codexHome().resolve("config.toml"), RealConfigs.bytes("codex/config.toml"));
    }

    private UpdateConfigsRequest.Builder request(ModelIdFilter filter, Map<String, String> env) {
        CatalogQuery query = CatalogQuery.builder(catalog)
                .providers(List.of("groq", "mistral"))
                .filter(filter)
                .registry(ProviderRegistry.builtIn())
                .env(EnvironmentLookup.of(env))
                .build();
        return UpdateConfigsRequest.builder(
                        query, new BackupStore(state().resolve("backups"), Clock.systemUTC()), state().resolve("locks"))
                .mergers(List.of(
                        new AichatMerger(aichat()),
                        new ModsMerger(mods()),
                        new CodexMerger(codexHome(), !filter.equals(ModelIdFilter.all()))))
                .stateDirectory(state());
    }

    private UpdateConfigsResult run() throws IOException {
        return run(request(ModelIdFilter.all(), Map.of()));
    }

    private static UpdateConfigsResult run(UpdateConfigsRequest.Builder request) throws IOException {
        return new ConfigUpdater().update(request.build());
    }

    private Map<Path, byte[]> userFiles() throws IOException {
        Map<Path, byte[]> out = new LinkedHashMap<>();
        for (Path dir : List.of(home.resolve(".config"), codexHome())) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                    out.put(f, Files.readAllBytes(f));
                }
            }
        }
        return out;
    }

    private void assertSameFiles(Map<Path, byte[]> expected) throws IOException {
        Map<Path, byte[]> actual = userFiles();
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((f, bytes) -> assertArrayEquals(bytes, actual.get(f), f.toString()));
    }

    private int backups() throws IOException {
        try (Stream<Path> s = Files.list(state().resolve("backups"))) {
            return (int) s.count();
        }
    }

    /** What a full run noticed, by file, as the up-to-date result gives it. */
    private static Map<Path, List<Notice>> notices(UpdateConfigsResult r) {
        Map<Path, List<Notice>> out = new LinkedHashMap<>();
        for (FileMerge f : r.files()) {
            if (!f.notices().isEmpty()) {
                out.put(f.file(), f.notices());
            }
        }
        return out;
    }

    @Test
    void aRerunWithNothingToChangeReadsAndMergesNothingAndTellsTheSameNotices() throws IOException {
        UpdateConfigsResult first = run();
        assertFalse(first.changed().isEmpty());
        assertNull(first.upToDate());
        Map<Path, byte[]> after = userFiles();

        UpdateConfigsResult again = run();
        assertNotNull(again.upToDate(), "decided from the record alone");
        assertEquals(first.files().size(), again.upToDate().files());
        assertEquals(List.of(), again.files());
        assertEquals(first.providers(), again.providers());
        Map<Path, List<Notice>> told = notices(first);
        assertTrue(
                told.values().stream().flatMap(List::stream).anyMatch(Notice.LegacyProfileTable.class::isInstance),
                "the real codex config's legacy tables");
        assertTrue(told.values().stream().flatMap(List::stream).anyMatch(Notice.CodexRefusal.class::isInstance));
        assertEquals(told, again.upToDate().notices(), "the same notices, told again");
        assertSameFiles(after);
        assertEquals(1, backups(), "no backup");

        UpdateConfigsResult forced = run(request(ModelIdFilter.all(), Map.of()).force(true));
        assertNull(forced.upToDate(), "force merges");
        assertEquals(List.of(), forced.changed(), "and finds nothing to change: the record was right");
        assertNotNull(run().upToDate());
    }

    @Test
    void aUsersEditBetweenRunsIsNoticedAndEveryByteOfTheirsKept() throws IOException {
        run();
        assertNotNull(run().upToDate());
        String mine = "\n# my own note, kept\n";
        Files.writeString(aichat(), Files.readString(aichat()) + mine);
        Map<Path, byte[]> edited = userFiles();

        UpdateConfigsResult noticed = run();
        assertNull(noticed.upToDate(), "the edited config is merged again");
        assertEquals(List.of(), noticed.changed(), "nothing of ours to change");
        assertSameFiles(edited);
        assertNotNull(run().upToDate(), "recorded again, with the user's edit");

        // the user removes our mistral client: the next run puts it back and keeps their note
        String text = Files.readString(aichat());
        String withoutOurs = text.replace("name: mistral", "name: my-mistral");
        Files.writeString(aichat(), withoutOurs);
        UpdateConfigsResult merged = run();
        assertNull(merged.upToDate());
        assertEquals(
                List.of(aichat().toAbsolutePath()),
                merged.changed().stream().map(FileMerge::file).toList());
        String now = Files.readString(aichat());
        assertTrue(now.endsWith(mine), "their note");
        assertTrue(now.contains("name: my-mistral"), "their renamed client");
        assertTrue(now.matches("(?s).*name: ['\"]?mistral['\"]?\n.*"), "ours back:\n" + now);
        assertNotNull(run().upToDate());
    }

    @Test
    void aDeletedOrLinkedConfigIsNoticedThroughItsRealFile() throws IOException {
        run();
        Files.delete(mods());
        UpdateConfigsResult recreated = run();
        assertNull(recreated.upToDate());
        assertTrue(Files.readString(mods()).contains("groq"), "created again");
        assertNotNull(run().upToDate());

        // a dotfiles manager links the config: its real file is what counts
        Path real = Files.createDirectories(home.resolve("dotfiles")).resolve("mods.yml");
        Files.move(mods(), real);
        Files.createSymbolicLink(mods(), real);
        assertNotNull(run().upToDate(), "the same bytes through a link: nothing to change");
        Files.writeString(real, Files.readString(real) + "# edited through the link\n");
        UpdateConfigsResult edited = run();
        assertNull(edited.upToDate(), "an edit of the real file");
        assertTrue(Files.isSymbolicLink(mods()), "the link stays");
        assertTrue(Files.readString(real).endsWith("# edited through the link\n"));
    }

    @Test
    void aCatalogOrSettingChangeIsNoticed() throws IOException {
        run();
        Path groq = catalog.resolve("models_groq.json");
        Files.writeString(groq, Files.readString(groq).replaceFirst("\n", "\n "));
        UpdateConfigsResult catalogEdited = run();
        assertNull(catalogEdited.upToDate(), "a catalog file edited");
        assertEquals(List.of(), catalogEdited.changed(), "same models: nothing to write");
        assertNotNull(run().upToDate());

        assertNull(
                run(request(ModelIdFilter.all(), Map.of()).strategy(MergeStrategy.PRUNE))
                        .upToDate(),
                "strategy");
        UpdateConfigsResult url = run(request(ModelIdFilter.all(), Map.of("GROQ_API_OPENAI", "http://127.0.0.1:9/v1")));
        assertNull(url.upToDate(), "a base URL from the environment");
        assertTrue(Files.readString(aichat()).contains("http://127.0.0.1:9/v1"));
        assertNull(run().upToDate(), "and back");
        assertNotNull(run().upToDate());
    }

    @Test
    void profilesForEveryModelThenARerunThatChangesNothingThenADeletedProfile() throws IOException {
        ModelIdFilter every = ModelIdFilter.of(List.of("*"), List.of());
        UpdateConfigsResult first = run(request(every, Map.of()));
        long profiles =
                first.changed().stream().filter(f -> f.modelOf() != null).count();
        assertTrue(profiles > 10, "a profile file per model: " + profiles);
        assertNotNull(run(request(every, Map.of())).upToDate());
        assertNull(run().upToDate(), "another include");

        run(request(every, Map.of()));
        Path profile = first.changed().stream()
                .filter(f -> f.modelOf() != null)
                .findFirst()
                .orElseThrow()
                .file();
        byte[] bytes = Files.readAllBytes(profile);
        Files.delete(profile);
        UpdateConfigsResult rewritten = run(request(every, Map.of()));
        assertNull(rewritten.upToDate());
        assertArrayEquals(bytes, Files.readAllBytes(profile), "written again");
        assertNotNull(run(request(every, Map.of())).upToDate());
    }

    @Test
    void aDryRunNeverUsesNorWritesTheRecord() throws IOException {
        UpdateConfigsResult dryFirst =
                run(request(ModelIdFilter.all(), Map.of()).dryRun(true));
        assertFalse(dryFirst.diffs().isEmpty());
        assertFalse(Files.exists(state().resolve("update-configs")), "no record from a dry run");

        run();
        Path record;
        try (Stream<Path> s = Files.list(state().resolve("update-configs"))) {
            record = s.findFirst().orElseThrow();
        }
        byte[] recorded = Files.readAllBytes(record);
        UpdateConfigsResult dry = run(request(ModelIdFilter.all(), Map.of()).dryRun(true));
        assertNull(dry.upToDate(), "a dry run merges");
        assertEquals(List.of(), dry.diffs());
        assertArrayEquals(recorded, Files.readAllBytes(record), "and leaves the record alone");
    }

    @Test
    void aDamagedRecordMeansAFullRunNeverAnError() throws IOException {
        run();
        Path record;
        try (Stream<Path> s = Files.list(state().resolve("update-configs"))) {
            record = s.findFirst().orElseThrow();
        }
        String text = Files.readString(record, StandardCharsets.UTF_8);
        List<String> damaged = new ArrayList<>(List.of(
                "",
                "model-catalog up-to-date record 7\n",
                text.replaceFirst("data notice \\{", "data notice {broken"),
                text.replaceFirst("\"kind\":\"[A-Za-z]+\"", "\"kind\":\"Unknown\""),
                text.replaceFirst("data files \\d+", "data files many")));
        for (String d : damaged) {
            Files.writeString(record, d);
            UpdateConfigsResult again = run();
            assertNull(again.upToDate(), d.length() > 60 ? d.substring(0, 60) : d);
            assertEquals(List.of(), again.changed());
            assertNotNull(run().upToDate(), "recorded again");
        }
    }

    @Test
    void aKilledRunsTemporaryFileBesideAConfigMakesAFullRunThatRemovesIt() throws IOException {
        run();
        Path leftover = mods().resolveSibling(".mods.yml.8812.tmp");
        Files.writeString(leftover, "a full copy, keys included");
        Files.setLastModifiedTime(
                leftover,
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600)));
        assertNull(run().upToDate(), "not decided unlocked while a temporary file is there");
        assertFalse(Files.exists(leftover), "removed by the full run");
        assertNotNull(run().upToDate());
    }
}
