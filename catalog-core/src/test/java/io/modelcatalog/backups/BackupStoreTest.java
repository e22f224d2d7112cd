package io.modelcatalog.backups;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.backups.RestoreResult.Action;
import io.modelcatalog.files.FileLocks;
import io.modelcatalog.files.FileSetLocks;
import io.modelcatalog.files.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backup then restore on copies of the real tool configs, in a temporary home. */
class BackupStoreTest {

    static final Instant NOON = Instant.parse("2025-06-14T12:00:00Z");

    /** For tests that have the files to themselves. */
    static final FileSetLocks NO_LOCKS = new FileSetLocks() {
        @Override
        public <T> T withLocks(List<Path> files, FileLocks.Locked<T> work) throws IOException {
            return work.run();
        }
    };

    @TempDir
    Path home;

    Path backups;
    Path aichat;
    Path mods;
    Path codex;
    Path opencode;

    @BeforeEach
    void realConfigsInATemporaryHome() throws IOException {
        backups = home.resolve(".cache/model-catalog/backups");
        aichat = copyToolConfig("aichat/config.yaml", home.resolve(".config/aichat/config.yaml"));
        mods = copyToolConfig("mods/mods.yml", home.resolve(".config/mods/mods.yml"));
        codex = copyToolConfig("codex/config.toml", home.resolve(".codex/config.toml"));
        opencode = home.resolve(".config/opencode/opencode.json");
        Files.setPosixFilePermissions(aichat, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(mods, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(codex, PosixFilePermissions.fromString("rw-r-----"));
    }

    static Path copyToolConfig(String resource, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = BackupStoreTest.class.getResourceAsStream("/tool-configs/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("tool-configs/" + resource + " is not on the test classpath");
            }
            Files.copy(in, target);
        }
        return target;
    }

    static BackupStore store(Path directory, Instant now) {
        return new BackupStore(directory, Clock.fixed(now, ZoneOffset.UTC));
    }

    static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private Map<Path, byte[]> snapshot(Path... files) throws IOException {
        Map<Path, byte[]> out = new HashMap<>();
        for (Path f : files) {
            out.put(f, Files.exists(f) ? Files.readAllBytes(f) : null);
        }
        return out;
    }

    @Test
    void restoreBringsBackTheSameBytesAndModeAndRemovesFilesAbsentAtBackupTime() throws Exception {
        byte[] aichatBytes = Files.readAllBytes(aichat);
        byte[] modsBytes = Files.readAllBytes(mods);
        byte[] codexBytes = Files.readAllBytes(codex);
        BackupStore store = store(backups, NOON);
        Backup backup = store.create(List.of(aichat, mods, codex, opencode));

        assertEquals("20250614T120000Z-001", backup.id());
        assertEquals(4, backup.entries().size());
        assertTrue(backup.entries().get(3).absent(), "opencode.json did not exist");
        assertEquals("rw-r--r--", backup.entries().get(1).mode());
        assertEquals(Sha256.of(modsBytes), backup.entries().get(1).sha256());

        // the user (or update-configs) changes everything
        Files.writeString(aichat, "clients: []\n");
        Files.setPosixFilePermissions(aichat, PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.delete(mods);
        Files.writeString(codex, "model = \"x\"\n");
        Files.setPosixFilePermissions(codex, PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(opencode.getParent());
        Files.writeString(opencode, "{}\n");

        RestoreResult result = store(backups, NOON.plusSeconds(60)).restore(null);

        assertEquals(backup.id(), result.restored().id());
        assertArrayEquals(aichatBytes, Files.readAllBytes(aichat));
        assertArrayEquals(modsBytes, Files.readAllBytes(mods));
        assertArrayEquals(codexBytes, Files.readAllBytes(codex));
        assertEquals("rw-------", mode(aichat));
        assertEquals("rw-r--r--", mode(mods));
        assertEquals("rw-r-----", mode(codex));
        assertFalse(Files.exists(opencode), "a file absent at backup time is removed");
        assertEquals(
                List.of(Action.RESTORED, Action.RESTORED, Action.RESTORED, Action.DELETED),
                result.files().stream().map(RestoreResult.RestoredFile::action).toList());
    }

    @Test
    void restoreBacksUpTheCurrentStateFirstSoThatItCanBeUndone() throws Exception {
        BackupStore store = store(backups, NOON);
        Backup before = store.create(List.of(aichat, opencode));
        Files.writeString(aichat, "changed\n");
        Files.createDirectories(opencode.getParent());
        Files.writeString(opencode, "{\"created\": true}\n");

        RestoreResult result = store.restore(before.id());

        Backup previous = result.previousState();
        assertNotNull(previous);
        assertEquals("20250614T120000Z-002", previous.id());
        assertFalse(previous.entries().get(1).absent(), "the opencode file existed before the restore");
        RestoreResult undo = store.restore(previous.id());
        assertEquals("changed\n", Files.readString(aichat));
        assertEquals("{\"created\": true}\n", Files.readString(opencode));
        assertEquals("20250614T120000Z-003", undo.previousState().id());
    }

    @Test
    void aRestoreThatChangesNothingTouchesNothingAndMakesNoBackup() throws Exception {
        BackupStore store = store(backups, NOON);
        store.create(List.of(aichat, mods, opencode));
        RestoreResult result = store.restore(null);
        assertNull(result.previousState());
        assertFalse(result.changedAnything());
        assertEquals(1, store.list().size());
    }

    @Test
    void aTamperedBackupRestoresNothingAndNamesTheFile() throws Exception {
        BackupStore store = store(backups, NOON);
        Backup backup = store.create(List.of(aichat, mods, codex, opencode));
        Files.writeString(aichat, "aichat changed\n");
        Files.writeString(mods, "mods changed\n");
        Files.writeString(codex, "codex changed\n");
        Files.createDirectories(opencode.getParent());
        Files.writeString(opencode, "{}\n");
        Map<Path, byte[]> changed = snapshot(aichat, mods, codex, opencode);
        // one byte of the codex copy (the third file) flipped
        Path codexCopy = backup.folder().resolve(backup.entries().get(2).storedName());
        byte[] copy = Files.readAllBytes(codexCopy);
        copy[copy.length / 2] ^= 1;
        Files.write(codexCopy, copy);

        DamagedBackupException e = assertThrows(DamagedBackupException.class, () -> store.restore(null));

        assertEquals(codexCopy, e.file());
        assertEquals(codex, e.original());
        assertTrue(e.getMessage().contains(codexCopy.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was restored"), e.getMessage());
        Map<Path, byte[]> after = snapshot(aichat, mods, codex, opencode);
        for (Path f : changed.keySet()) {
            assertArrayEquals(changed.get(f), after.get(f), f + " untouched");
        }
        assertEquals(1, store.list().size(), "no backup of the current state either");
    }

    @Test
    void aMissingCopyOrABrokenManifestIsDamageToo() throws Exception {
        BackupStore store = store(backups, NOON);
        Backup backup = store.create(List.of(aichat, mods));
        Path modsCopy = backup.folder().resolve(backup.entries().get(1).storedName());
        Files.delete(modsCopy);
        DamagedBackupException missing = assertThrows(DamagedBackupException.class, () -> store.restore(backup.id()));
        assertEquals(modsCopy, missing.file());
        assertTrue(missing.getMessage().contains("is missing"), missing.getMessage());

        Files.writeString(backup.folder().resolve("manifest.json"), "{\"format\": 1, \"id\": ");
        DamagedBackupException broken = assertThrows(DamagedBackupException.class, () -> store.restore(backup.id()));
        assertEquals(backup.folder().resolve("manifest.json"), broken.file());
        assertNull(broken.original());
    }

    @Test
    void anUnknownIdListsTheAvailableBackups() throws Exception {
        BackupStore store = store(backups, NOON);
        BackupNotFoundException none = assertThrows(BackupNotFoundException.class, () -> store.restore(null));
        assertNull(none.requestedId());
        assertEquals(List.of(), none.available());

        Backup first = store.create(List.of(aichat));
        Backup second = store(backups, NOON.plusSeconds(5)).create(List.of(aichat));
        for (String unknown : new String[] {"20240101T000000Z-001", "../etc", "latest"}) {
            BackupNotFoundException e = assertThrows(BackupNotFoundException.class, () -> store.restore(unknown));
            assertEquals(unknown, e.requestedId());
            assertEquals(List.of(first.id(), second.id()), e.available());
            assertTrue(e.getMessage().contains(first.id() + ", " + second.id()), e.getMessage());
        }
    }

    @Test
    void idsSortByTimeAndAreUniqueWithinOneSecondAndWhenTheClockGoesBack() throws Exception {
        List<String> ids = new ArrayList<>();
        ids.add(store(backups, NOON).create(List.of(aichat)).id());
        ids.add(store(backups, NOON.plusMillis(300)).create(List.of(aichat)).id());
        ids.add(store(backups, NOON.plusMillis(999)).create(List.of(aichat)).id());
        ids.add(store(backups, NOON.plusSeconds(1)).create(List.of(aichat)).id());
        ids.add(store(backups, NOON.plusSeconds(1)).create(List.of(aichat)).id());
        // a clock set back an hour: the backups after its time are in its future, and the new one is its latest
        BackupStore setBack = store(backups, NOON.minusSeconds(3600));
        String early = setBack.create(List.of(aichat)).id();
        assertEquals(early, setBack.find(null).id());
        ids.add(store(backups, NOON.plusSeconds(86400)).create(List.of(aichat)).id());
        assertEquals("20250614T110000Z-001", early);
        assertEquals(
                List.of(
                        "20250614T120000Z-001",
                        "20250614T120000Z-002",
                        "20250614T120000Z-003",
                        "20250614T120001Z-001",
                        "20250614T120001Z-002",
                        "20250615T120000Z-001"),
                ids);
        ids.add(0, early);
        assertEquals(ids, store(backups, NOON).list().stream().map(Backup::id).toList());
    }

    @Test
    void threadsBackingUpInTheSameSecondGetDistinctIds() throws Exception {
        BackupStore store = store(backups, NOON);
        int threads = 8;
        int each = 5;
        List<Thread> running = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; i < each; i++) {
                        store.create(List.of(aichat, mods));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            running.add(thread);
            thread.start();
        }
        for (Thread t : running) {
            t.join();
        }
        assertEquals(List.of(), failures);
        List<Backup> all = store.list();
        assertEquals(threads * each, all.size());
        assertEquals(threads * each, all.stream().map(Backup::id).distinct().count());
        assertEquals(List.of(), store.unreadable());
    }

    @Test
    void twoProcessesBackingUpAtOnceGetDistinctIds() throws Exception {
        int each = 15;
        List<Process> processes = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            processes.add(BackupStoreProbe.start(backups, NOON, each, aichat, mods));
        }
        for (Process p : processes) {
            BackupStoreProbe.awaitSuccess(p);
        }
        BackupStore store = store(backups, NOON);
        List<Backup> all = store.list();
        assertEquals(2 * each, all.size());
        assertEquals(2 * each, all.stream().map(Backup::id).distinct().count());
        assertTrue(all.stream().allMatch(b -> b.id().startsWith("20250614T120000Z-")), "all in the same second");
        assertEquals(List.of(), store.unreadable());
    }

    @Test
    void backupsAreOwnerOnlyAndTheirNamesHoldNothingOfTheFiles() throws Exception {
        Path secretFile = home.resolve("sk-live-SECRET.yaml");
        Files.writeString(secretFile, "api_key: sk-live-SECRET\n");
        Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-r--r--"));
        Backup backup = store(backups, NOON).create(List.of(secretFile, mods));

        assertEquals("rwx------", mode(backups));
        assertEquals("rwx------", mode(backup.folder()));
        try (Stream<Path> files = Files.list(backup.folder())) {
            for (Path f : files.toList()) {
                assertEquals("rw-------", mode(f), f.toString());
            }
        }
        assertEquals("rw-r--r--", backup.entries().get(0).mode(), "the original's mode is recorded, not the copy's");
        assertTrue(backup.id().matches("[0-9]{8}T[0-9]{6}Z-[0-9]{3}"), backup.id());
        assertEquals("01-sk-live-SECRET.yaml", backup.entries().get(0).storedName(), "named after the file only");
    }

    @Test
    void aBackupDirectoryThatExistsKeepsItsModeButEachBackupIsOwnerOnly() throws Exception {
        Files.createDirectories(backups);
        Files.setPosixFilePermissions(backups, PosixFilePermissions.fromString("rwxr-xr-x"));
        Backup backup = store(backups, NOON).create(List.of(mods));
        assertEquals("rwxr-xr-x", mode(backups));
        assertEquals("rwx------", mode(backup.folder()));
    }

    @Test
    void pruneRemovesTheOldestBeyondKeepAndLeavesUnreadableFoldersAlone() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(store(backups, NOON.plusSeconds(i)).create(List.of(aichat)).id());
        }
        Files.createDirectories(backups.resolve("20250101T000000Z-001")); // a run killed before its manifest
        BackupStore store = store(backups, NOON);

        List<Backup> removed = store.prune(2);

        assertEquals(ids.subList(0, 3), removed.stream().map(Backup::id).toList());
        assertEquals(ids.subList(3, 5), store.list().stream().map(Backup::id).toList());
        assertTrue(Files.isDirectory(backups.resolve("20250101T000000Z-001")));
        try (Stream<Path> left = Files.list(backups)) {
            assertEquals(3, left.count(), "nothing but the kept backups and the unreadable folder");
        }
        assertEquals(List.of(), store.prune(2));
        assertThrows(IllegalArgumentException.class, () -> store.prune(0));
    }

    @Test
    void foldersWithoutAReadableManifestAreReportedNotFatal() throws Exception {
        BackupStore store = store(backups, NOON);
        Backup good = store.create(List.of(aichat));
        Files.createDirectories(backups.resolve("20250614T115959Z-001"));
        Files.createDirectories(backups.resolve("20250614T115959Z-002"));
        Files.writeString(backups.resolve("20250614T115959Z-002/manifest.json"), "[1, 2]");
        Files.createDirectories(backups.resolve("not-a-backup"));

        assertEquals(List.of(good.id()), store.list().stream().map(Backup::id).toList());
        List<UnreadableBackup> unreadable = store.unreadable();
        assertEquals(
                List.of("20250614T115959Z-001", "20250614T115959Z-002"),
                unreadable.stream().map(UnreadableBackup::id).toList());
        assertTrue(
                unreadable.get(0).problem().contains("no manifest.json"),
                unreadable.get(0).problem());
        assertTrue(
                unreadable.get(1).problem().contains("not a JSON object"),
                unreadable.get(1).problem());
        assertEquals(good.id(), store.restore(null).restored().id(), "the latest readable one");
    }

    @Test
    void restoreCanBeLimitedToSomeFiles() throws Exception {
        BackupStore store = store(backups, NOON);
        Backup backup = store.create(List.of(aichat, mods));
        Files.writeString(aichat, "aichat changed\n");
        Files.writeString(mods, "mods changed\n");

        RestoreResult result = store.restore(backup.id(), mods::equals);

        assertEquals("aichat changed\n", Files.readString(aichat));
        assertArrayEquals(
                Files.readAllBytes(
                        backup.folder().resolve(backup.entries().get(1).storedName())),
                Files.readAllBytes(mods));
        assertEquals(1, result.files().size());
        assertEquals(
                List.of(mods),
                result.previousState().entries().stream()
                        .map(BackupEntry::original)
                        .toList());
    }

    @Test
    void aFolderWhereAFileIsExpectedStopsBothBeforeAnythingIsWritten() throws Exception {
        Path folder = home.resolve(".config/aichat/config.yaml.d");
        Files.createDirectories(folder);
        IOException atBackup =
                assertThrows(IOException.class, () -> store(backups, NOON).create(List.of(mods, folder)));
        assertTrue(atBackup.getMessage().contains(folder + " is a folder"), atBackup.getMessage());
        assertFalse(Files.exists(backups), "no backup folder was created");

        BackupStore store = store(backups, NOON);
        store.create(List.of(mods, aichat));
        Files.writeString(mods, "changed\n");
        Files.delete(aichat);
        Files.createDirectories(aichat);
        IOException atRestore = assertThrows(IOException.class, () -> store.restore(null));
        assertTrue(atRestore.getMessage().contains(aichat + " is a folder now"), atRestore.getMessage());
        assertEquals("changed\n", Files.readString(mods), "nothing restored");
        assertEquals(1, store.list().size());
    }

    @Test
    void aConfigThatIsALinkIsRestoredThroughTheLink() throws Exception {
        Path dotfiles = home.resolve("dotfiles/aichat.yaml");
        Files.createDirectories(dotfiles.getParent());
        Files.move(aichat, dotfiles);
        Files.createSymbolicLink(aichat, dotfiles);
        byte[] original = Files.readAllBytes(dotfiles);
        BackupStore store = store(backups, NOON);
        store.create(List.of(aichat));
        Files.writeString(dotfiles, "changed\n");

        store.restore(null);

        assertTrue(Files.isSymbolicLink(aichat), "the link stays");
        assertArrayEquals(original, Files.readAllBytes(dotfiles));
    }

    @Test
    void theManifestRecordsPathChecksumModeOrAbsent() throws Exception {
        Backup backup = store(backups, NOON).create(List.of(mods, opencode, mods));
        String manifest = Files.readString(backup.folder().resolve("manifest.json"), StandardCharsets.UTF_8);
        String expected = "{\n"
                + "  \"format\" : 1,\n"
                + "  \"id\" : \"20250614T120000Z-001\",\n"
                + "  \"files\" : [ {\n"
                + "    \"path\" : \"" + mods + "\",\n"
                + "    \"absent\" : false,\n"
                + "    \"sha256\" : \"" + Sha256.of(Files.readAllBytes(mods)) + "\",\n"
                + "    \"mode\" : \"rw-r--r--\",\n"
                + "    \"copy\" : \"01-mods.yml\"\n"
                + "  }, {\n"
                + "    \"path\" : \"" + opencode + "\",\n"
                + "    \"absent\" : true\n"
                + "  } ]\n"
                + "}\n";
        assertEquals(expected, manifest);
    }
}
