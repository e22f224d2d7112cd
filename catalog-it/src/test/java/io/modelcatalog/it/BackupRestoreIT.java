package io.modelcatalog.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup and restore goals without a POM, in forked builds whose environment points HOME and each tool's
 * variables into a temporary home holding copies of the real tool configs: the real home is never read or written.
 */
class BackupRestoreIT {

    @TempDir
    Path home;

    private Path work;
    private Path aichat;
    private Path mods;
    private Path codexConfig;
    private Path opencode;
    private Map<String, String> env;

    @BeforeEach
    void realConfigsInATemporaryHome() throws IOException {
        work = home.resolve("work");
        aichat = copyToolConfig("aichat/config.yaml", home.resolve("aichat/config.yaml"));
        mods = copyToolConfig("mods/mods.yml", home.resolve("xdg/mods/mods.yml"));
        codexConfig = copyToolConfig("codex/config.toml", home.resolve("codex/config.toml"));
        opencode = home.resolve("xdg/opencode/opencode.json");
        Files.setPosixFilePermissions(aichat, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(mods, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(codexConfig, PosixFilePermissions.fromString("rw-r-----"));
        env = new LinkedHashMap<>();
        env.put("HOME", home.toString());
        env.put("AICHAT_CONFIG_DIR", home.resolve("aichat").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("xdg").toString());
        env.put("CODEX_HOME", home.resolve("codex").toString());
    }

    private static Path copyToolConfig(String resource, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = BackupRestoreIT.class.getClassLoader().getResourceAsStream("tool-configs/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("tool-configs/" + resource + " is not on the test classpath");
            }
            Files.copy(in, target);
        }
        return target;
    }

    private ForkedMaven goal(String name) {
        return new ForkedMaven(work).goals(ForkedMaven.goal(name)).env(env);
    }

    private Path backups() {
        return home.resolve(".cache/model-catalog/backups");
    }

    private List<Path> backupFolders() throws IOException {
        if (!Files.isDirectory(backups())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(backups())) {
            return s.sorted().toList();
        }
    }

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void backupThenRestoreGivesBackTheSameBytesAndModesAndRemovesWhatWasAbsent() throws Exception {
        byte[] aichatBytes = Files.readAllBytes(aichat);
        byte[] modsBytes = Files.readAllBytes(mods);
        byte[] codexBytes = Files.readAllBytes(codexConfig);

        ForkedMaven.Result backup = goal("backup").run();
        assertEquals(0, backup.exitCode(), backup::text);
        List<Path> folders = backupFolders();
        assertEquals(1, folders.size(), backup::text);
        Path folder = folders.get(0);
        assertTrue(backup.logContains("as backup " + folder.getFileName()), backup::text);
        assertEquals("rwx------", mode(backups()));
        assertEquals("rwx------", mode(folder));
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> copies = files.toList();
            assertEquals(4, copies.size(), "three copies and the manifest: " + copies);
            for (Path f : copies) {
                assertEquals("rw-------", mode(f), f.toString());
            }
        }
        String manifest = Files.readString(folder.resolve("manifest.json"));
        for (Path p : new Path[] {aichat, mods, codexConfig, opencode}) {
            assertTrue(manifest.contains("\"path\" : \"" + p + "\""), p + " in\n" + manifest);
        }

        // the files change: content, mode, one deleted, one created
        Files.writeString(aichat, "clients: []\n");
        Files.setPosixFilePermissions(aichat, PosixFilePermissions.fromString("rw-r--r--"));
        Files.delete(mods);
        Files.writeString(codexConfig, "model = \"o3\"\n");
        Files.createDirectories(opencode.getParent());
        Files.writeString(opencode, "{\"$schema\": \"https://opencode.ai/config.json\"}\n");

        ForkedMaven.Result restore = goal("restore").run();
        assertEquals(0, restore.exitCode(), restore::text);
        assertArrayEquals(aichatBytes, Files.readAllBytes(aichat));
        assertArrayEquals(modsBytes, Files.readAllBytes(mods));
        assertArrayEquals(codexBytes, Files.readAllBytes(codexConfig));
        assertEquals("rw-------", mode(aichat));
        assertEquals("rw-r--r--", mode(mods));
        assertEquals("rw-r-----", mode(codexConfig));
        assertFalse(Files.exists(opencode), "created after the backup, so deleted by the restore");
        assertTrue(restore.logContains("Restored backup " + folder.getFileName()), restore::text);
        assertTrue(restore.logContains("deleted   " + opencode), restore::text);
        assertEquals(2, backupFolders().size(), "the state before the restore was backed up first");
    }

    @Test
    void aTamperedBackupRestoresNothingAndAnUnknownIdListsTheBackups() throws Exception {
        ForkedMaven.Result backup =
                goal("backup").property("catalog.tools", "aichat,mods").run();
        assertEquals(0, backup.exitCode(), backup::text);
        Path folder = backupFolders().get(0);
        String id = folder.getFileName().toString();
        Path copy = folder.resolve("02-mods.yml");
        Files.writeString(copy, "apis: {}\n");
        Files.writeString(aichat, "changed\n");
        byte[] modsNow = Files.readAllBytes(mods);

        ForkedMaven.Result tampered =
                goal("restore").property("catalog.backupId", id).run();
        assertNotEquals(0, tampered.exitCode(), tampered::text);
        assertTrue(
                tampered.logContains(copy + " (the copy of " + mods + ") does not match its checksum"), tampered::text);
        assertEquals("changed\n", Files.readString(aichat), "nothing restored");
        assertArrayEquals(modsNow, Files.readAllBytes(mods));
        assertEquals(1, backupFolders().size(), "no backup made either");

        ForkedMaven.Result unknown = goal("restore")
                .property("catalog.backupId", "20000101T000000Z-001")
                .run();
        assertNotEquals(0, unknown.exitCode(), unknown::text);
        assertTrue(unknown.logContains("There is no backup '20000101T000000Z-001' (catalog.backupId)"), unknown::text);
        assertTrue(unknown.logContains(id + " (2 file(s): config.yaml, mods.yml)"), unknown::text);
        assertEquals(
                1,
                unknown.text().split(java.util.regex.Pattern.quote(id), -1).length - 1,
                "the backups are listed once: " + unknown.text());
    }

    @Test
    void restoreSkipFlagTouchesNothing() throws Exception {
        Files.writeString(aichat, "changed\n");
        ForkedMaven.Result restore =
                goal("restore").property("catalog.restore.skip", true).run();
        assertEquals(0, restore.exitCode(), restore::text);
        assertTrue(restore.logContains("Skipping restore: catalog.restore.skip is true"), restore::text);
        assertEquals("changed\n", Files.readString(aichat));
        assertEquals(List.of(), backupFolders());
    }
}
