package io.modelcatalog.configupdate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.modelcatalog.backups.Backup;
import io.modelcatalog.backups.BackupStore;
import io.modelcatalog.configediting.UnifiedDiffs;
import io.modelcatalog.facts.CorpusEntries;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.testing.UnwritableFolders;
import io.modelcatalog.toolconfigs.CatalogQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * update-configs and restore against what a user's home really holds: keys in the configs, a link to a FIFO, a
 * file made read-only, a folder that takes no new file, the temporary files of a killed run.
 */
class OddConfigFilesTest {

    /**
     * Fake keys, shaped as groq's and Anthropic's are (joined from two literals, so that no committed line looks
     * like a real key to a secret scanner).
     */
    static final String GROQ_KEY = "gsk_" + "FAKEfake0123456789abcdefGHIJKLmnopQRST";

    static final String ANTHROPIC_KEY = "sk-ant-" + "api03-FAKEfake0123456789abcdef";

    @TempDir
    Path home;

    Path aichat() {
        return home.resolve(".config/aichat/config.yaml");
    }

    Path backups() {
        return home.resolve(".cache/model-catalog/backups");
    }

    UpdateConfigsRequest request(boolean dryRun, ConfigMerger... mergers) {
        CatalogQuery catalog = CatalogQuery.builder(CorpusEntries.catalogDir())
                .providers(List.of("groq"))
                .registry(ProviderRegistry.builtIn())
                .env(EnvironmentLookup.of(Map.of()))
                .build();
        return UpdateConfigsRequest.builder(
                        catalog,
                        new BackupStore(backups(), Clock.systemUTC()),
                        home.resolve(".cache/model-catalog/locks"))
                .mergers(List.of(mergers))
                .dryRun(dryRun)
                .build();
    }

    UpdateConfigsRequest request(boolean dryRun) {
        return request(dryRun, new AichatMerger(aichat()));
    }

    byte[] aichatWithKeys() {
        String text = new String(RealConfigs.repairedAichat(), StandardCharsets.UTF_8)
                .replace("api_key: gsk_***", "api_key: " + GROQ_KEY)
                .replace("api_key: sk-ant-***", "api_key: " + ANTHROPIC_KEY);
        assertTrue(text.contains(GROQ_KEY) && text.contains(ANTHROPIC_KEY));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    void writeAichat(byte[] bytes) throws IOException {
        Files.createDirectories(aichat().getParent());
        Files.write(aichat(), bytes);
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
    void theDryRunDiffMasksTheUsersKeysInContextLines() throws IOException {
        writeAichat(aichatWithKeys());

        UpdateConfigsResult r = new ConfigUpdater().update(request(true));

        FileMerge merge = r.changed().get(0);
        String unmasked = UnifiedDiffs.of(
                merge.file().toString(),
                new String(merge.before(), StandardCharsets.UTF_8),
                new String(((FileMerge.Write) merge).after(), StandardCharsets.UTF_8));
        assertTrue(unmasked.contains(" api_key: " + GROQ_KEY), "the key is a context line of the diff");
        String diff = r.diffs().get(0);
        assertFalse(diff.contains(GROQ_KEY), diff);
        assertFalse(diff.contains("gsk_FAKE"), diff);
        assertTrue(diff.contains("\n     api_key: ********\n"), diff);
        assertTrue(diff.contains("name: groq"), "the rest of the context stays: " + diff);
    }

    @Test
    void aLinkToAFifoIsRefusedWithoutHanging() throws Exception {
        Path fifo = home.resolve("dotfiles/aichat.fifo");
        Files.createDirectories(fifo.getParent());
        assumeTrue(mkfifo(fifo), "mkfifo is not available");
        Files.createDirectories(aichat().getParent());
        Files.createSymbolicLink(aichat(), fifo);

        UpdateConfigsException e = assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> assertThrows(UpdateConfigsException.class, () -> new ConfigUpdater().update(request(false))));

        assertEquals(UpdateConfigsException.Reason.NOT_A_FILE, e.reason());
        assertEquals(
                aichat() + " is a link to " + fifo + ", which is not a regular file (a FIFO: reading it would wait for"
                        + " a writer forever): point the setting at the tool's config file, or the link at one",
                e.getMessage());
        assertEquals(List.of(), backupFolders());
    }

    @Test
    void restoreOverALinkToAFifoIsRefusedWithoutHanging() throws Exception {
        writeAichat("clients: []\n".getBytes(StandardCharsets.UTF_8));
        BackupStore store = new BackupStore(backups(), Clock.systemUTC());
        Backup backup = store.create(List.of(aichat()));
        Path fifo = home.resolve("dotfiles/aichat.fifo");
        Files.createDirectories(fifo.getParent());
        assumeTrue(mkfifo(fifo), "mkfifo is not available");
        Files.delete(aichat());
        Files.createSymbolicLink(aichat(), fifo);

        IOException e = assertTimeoutPreemptively(
                Duration.ofSeconds(20), () -> assertThrows(IOException.class, () -> store.restore(backup.id())));

        assertTrue(
                e.getMessage().contains(aichat() + " leads to " + fifo + ", which is not a regular file"),
                e.getMessage());
        assertTrue(Files.isSymbolicLink(aichat()));
    }

    @Test
    void aReadOnlyConfigIsRefusedNamingTheFileAndTheModeAndKeepsItsMode() throws IOException {
        writeAichat(RealConfigs.repairedAichat());
        Files.setPosixFilePermissions(aichat(), PosixFilePermissions.fromString("r--r--r--"));
        byte[] before = Files.readAllBytes(aichat());

        UpdateConfigsException e =
                assertThrows(UpdateConfigsException.class, () -> new ConfigUpdater().update(request(false)));

        assertEquals(UpdateConfigsException.Reason.READ_ONLY, e.reason());
        assertEquals(
                aichat() + " is read-only (mode r--r--r--): a file made read-only is not replaced, and its mode is"
                        + " not changed. To let it be updated, chmod u+w " + aichat() + " and run again",
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(aichat()));
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(aichat())));
        assertEquals(List.of(), backupFolders(), "no backup when nothing was written");
    }

    @Test
    void aFolderThatTakesNoNewFileStopsTheRunBeforeAnyFileChanges() throws IOException {
        writeAichat(RealConfigs.repairedAichat());
        byte[] before = Files.readAllBytes(aichat());
        Path mods = UnwritableFolders.create(home).resolve("mods.yml");

        UpdateConfigsException e = assertThrows(
                UpdateConfigsException.class,
                () -> new ConfigUpdater().update(request(false, new AichatMerger(aichat()), new ModsMerger(mods))));

        assertEquals(UpdateConfigsException.Reason.NOT_WRITABLE, e.reason());
        assertEquals(mods, e.path());
        assertTrue(
                e.getMessage().startsWith("cannot write " + mods + ": " + mods.getParent() + ": permission denied"),
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(aichat()), "aichat not changed either: all or none");
        assertEquals(List.of(), backupFolders(), "no backup when nothing was written");
    }

    @Test
    void aKilledRunsTemporaryFileBesideTheConfigIsRemovedByTheNextRunAndByRestore() throws IOException {
        writeAichat(aichatWithKeys());
        Path dir = aichat().getParent();
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        Path stale = leftover(dir.resolve(".config.yaml.4711.tmp"), hourAgo);
        Path live = leftover(dir.resolve(".config.yaml.4712.tmp"), Instant.now()); // another run's, being written
        Path foreign = leftover(dir.resolve(".roles.yaml.4713.tmp"), hourAgo); // not a file of this run

        UpdateConfigsResult r = new ConfigUpdater().update(request(false));

        assertFalse(Files.exists(stale), "the stale copy, keys included, is gone");
        assertTrue(Files.exists(live), "a live temporary file is left to its writer");
        assertTrue(Files.exists(foreign));

        Path again = leftover(dir.resolve(".config.yaml.4714.tmp"), hourAgo);
        new BackupStore(backups(), Clock.systemUTC()).restore(r.backup().id());
        assertFalse(Files.exists(again), "restore removes it too");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(
                    List.of(aichat(), live, foreign).stream().sorted().toList(),
                    s.sorted().toList());
        }
    }

    private static Path leftover(Path file, Instant modified) throws IOException {
        Files.writeString(file, "api_key: " + GROQ_KEY + "\n");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    private static boolean mkfifo(Path fifo) throws InterruptedException {
        try {
            Process p =
                    new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
