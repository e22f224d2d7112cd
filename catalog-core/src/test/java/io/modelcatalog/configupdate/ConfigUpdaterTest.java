package io.modelcatalog.configupdate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.backups.Backup;
import io.modelcatalog.backups.BackupStore;
import io.modelcatalog.configediting.ConfigEditException;
import io.modelcatalog.facts.CorpusEntries;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.toolconfigs.CatalogQuery;
import io.modelcatalog.toolconfigs.CatalogSelectionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole update against files in a temporary home: backups, atomic writes keeping modes, dry runs, locks. */
class ConfigUpdaterTest {

    @TempDir
    Path home;

    Path aichat() {
        return home.resolve(".config/aichat/config.yaml");
    }

    Path mods() {
        return home.resolve(".config/mods/mods.yml");
    }

    Path codexHome() {
        return home.resolve(".codex");
    }

    Path backups() {
        return home.resolve(".cache/model-catalog/backups");
    }

    UpdateConfigsRequest request(List<String> providers, boolean dryRun) {
        return request(providers, dryRun, Map.of());
    }

    UpdateConfigsRequest request(List<String> providers, boolean dryRun, Map<String, String> env) {
        CatalogQuery catalog = CatalogQuery.builder(CorpusEntries.catalogDir())
                .providers(providers)
                .registry(ProviderRegistry.builtIn())
                .env(EnvironmentLookup.of(env))
                .build();
        return UpdateConfigsRequest.builder(
                        catalog,
                        new BackupStore(backups(), Clock.systemUTC()),
                        home.resolve(".cache/model-catalog/locks"))
                .mergers(List.of(
                        new AichatMerger(aichat()), new ModsMerger(mods()), new CodexMerger(codexHome(), false)))
                .dryRun(dryRun)
                .build();
    }

    void copyRealConfigs() throws IOException {
        Files.createDirectories(aichat().getParent());
        Files.createDirectories(mods().getParent());
        Files.createDirectories(codexHome());
        Files.write(aichat(), RealConfigs.repairedAichat());
        Files.write(mods(), RealConfigs.bytes("mods/mods.yml"));
        Files.write(codexHome().resolve("config.toml"), RealConfigs.bytes("codex/config.toml"));
    }

    List<Path> backupFolders() throws IOException {
        if (!Files.isDirectory(backups())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(backups())) {
            return s.toList();
        }
    }

    @Test
    void backsUpThenWritesKeepingEachFilesMode() throws IOException {
        copyRealConfigs();
        Files.setPosixFilePermissions(aichat(), PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(mods(), PosixFilePermissions.fromString("rw-r-----"));
        byte[] aichatBefore = Files.readAllBytes(aichat());

        UpdateConfigsResult r = new ConfigUpdater().update(request(List.of("groq", "mistral"), false));

        assertEquals(3, r.changed().size());
        Backup backup = r.backup();
        assertEquals(3, backup.entries().size());
        assertArrayEquals(
                aichatBefore,
                Files.readAllBytes(
                        backup.folder().resolve(backup.entries().get(0).storedName())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(aichat())));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(mods())));
        assertTrue(Files.readString(aichat()).contains("name: \"openai/gpt-oss-120b\""));

        UpdateConfigsResult again = new ConfigUpdater().update(request(List.of("groq", "mistral"), false));
        assertEquals(List.of(), again.changed(), "a second run changes nothing");
        assertNull(again.backup(), "and backs up nothing");
        assertEquals(1, backupFolders().size());
    }

    @Test
    void aDryRunDiffsAndWritesNothing() throws IOException {
        copyRealConfigs();
        byte[] before = Files.readAllBytes(codexHome().resolve("config.toml"));
        UpdateConfigsResult r = new ConfigUpdater().update(request(List.of("groq"), true));
        assertEquals(3, r.diffs().size());
        String codexDiff = r.diffs().get(2);
        assertTrue(codexDiff.contains("-wire_api = \"chat\"\n+wire_api = \"responses\"\n"), codexDiff);
        assertTrue(
                codexDiff.startsWith("--- " + codexHome().resolve("config.toml") + "\n+++ "
                        + codexHome().resolve("config.toml") + "\n"),
                codexDiff);
        assertFalse(codexDiff.contains("a//") || codexDiff.contains("b//"), codexDiff);
        assertArrayEquals(before, Files.readAllBytes(codexHome().resolve("config.toml")));
        assertEquals(List.of(), backupFolders());
    }

    @Test
    void aFileThatDoesNotParseLeavesEverythingAsItWasAndNoBackup() throws IOException {
        copyRealConfigs();
        byte[] broken = RealConfigs.bytes("aichat/config.yaml");
        Files.write(aichat(), broken);
        byte[] mods = Files.readAllBytes(mods());
        ConfigEditException e = assertThrows(
                ConfigEditException.class, () -> new ConfigUpdater().update(request(List.of("groq"), false)));
        assertEquals(4, e.line());
        assertArrayEquals(broken, Files.readAllBytes(aichat()));
        assertArrayEquals(mods, Files.readAllBytes(mods()));
        assertEquals(List.of(), backupFolders());
        try (Stream<Path> s = Files.list(aichat().getParent())) {
            assertEquals(List.of(aichat()), s.toList(), "no temporary file left beside it");
        }
    }

    @Test
    void aFolderWhereAFileIsExpectedIsAnError() throws IOException {
        Files.createDirectories(aichat());
        UpdateConfigsException e = assertThrows(
                UpdateConfigsException.class, () -> new ConfigUpdater().update(request(List.of("groq"), false)));
        assertEquals(UpdateConfigsException.Reason.NOT_A_FILE, e.reason());
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
        assertEquals(List.of(), backupFolders());
    }

    @Test
    void aBaseUrlVariableWithAPasswordIsRefusedBeforeAnyFileIsTouched() throws IOException {
        // the merged entries would carry the password into the user's own config files
        UpdateConfigsRequest withPassword =
                request(List.of("groq"), false, Map.of("GROQ_API_OPENAI", "https://bob:hunter2@proxy.example/groq/v1"));

        CatalogSelectionException e =
                assertThrows(CatalogSelectionException.class, () -> new ConfigUpdater().update(withPassword));

        assertEquals(CatalogSelectionException.Reason.CREDENTIALS_IN_URL, e.reason());
        assertEquals("groq", e.provider());
        assertEquals(
                "provider groq: the base URL in GROQ_API_OPENAI holds a user name or password "
                        + "(https://***@proxy.example/groq/v1), which its config files would keep: remove it and put "
                        + "the key in the provider's key variable",
                e.getMessage());
        assertFalse(Files.exists(aichat()), "nothing written");
        assertEquals(List.of(), backupFolders());
    }

    @Test
    void missingFilesAreCreatedAndTheBackupRecordsThemAbsent() throws IOException {
        UpdateConfigsResult r = new ConfigUpdater().update(request(List.of("groq"), false));
        assertTrue(r.files().stream().allMatch(FileMerge::creates));
        assertTrue(Files.isRegularFile(aichat()));
        assertTrue(r.backup().entries().stream().allMatch(en -> en.absent()));
    }

    /** Two threads update the same files at once with different providers: both updates land, two backups. */
    @Test
    void twoThreadsAtOnceBothLand() throws Exception {
        copyRealConfigs();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<UpdateConfigsResult>> runs = new ArrayList<>();
            for (String provider : List.of("groq", "deepseek")) {
                Callable<UpdateConfigsResult> run = () -> {
                    start.await();
                    return new ConfigUpdater().update(request(List.of(provider), false));
                };
                runs.add(pool.submit(run));
            }
            for (Future<UpdateConfigsResult> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        String aichat = Files.readString(aichat());
        assertTrue(aichat.contains("name: \"openai/gpt-oss-120b\""), "groq's models");
        assertTrue(aichat.contains("name: \"deepseek-reasoner\""), "deepseek's client");
        String codex = Files.readString(codexHome().resolve("config.toml"));
        assertTrue(codex.contains("[model_providers.deepseek]"));
        assertTrue(codex.contains("[model_providers.groq]\nbase_url = \"https://api.groq.com/openai/v1\"\n"
                + "env_key = \"GROQ_API_KEY\"\nname = \"groq\"\nwire_api = \"responses\"\n"));
        assertEquals(2, backupFolders().size());
    }
}
