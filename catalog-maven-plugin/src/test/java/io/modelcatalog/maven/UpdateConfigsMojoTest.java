package io.modelcatalog.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.CatalogVersion;
import io.modelcatalog.providers.EnvironmentLookup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The update-configs goal's parameters reach the core and its result reaches the log, in a temporary home with an
 * explicit environment: tools, providers, strategy, include, the config paths, the dry run, the backup settings, and
 * the parameter names in its errors.
 */
@MojoTest
class UpdateConfigsMojoTest {

    private static final String POM = "src/test/resources/user-configs/pom.xml";

    @TempDir
    Path home;

    private final MojoLogRecorder log = new MojoLogRecorder();
    private Path catalog;
    private Path mods;
    private Path opencode;
    private Path codexHome;

    @BeforeEach
    void aCatalogAndConfigsInATemporaryHome() throws IOException {
        catalog = Files.createDirectories(home.resolve("models"));
        for (String p : List.of("groq", "mistral")) {
            try (InputStream in =
                    getClass().getClassLoader().getResourceAsStream("legacy-corpus/bak/models_" + p + ".json")) {
                Files.copy(in, catalog.resolve("models_" + p + ".json"));
            }
        }
        mods = home.resolve("my/mods.yml");
        Files.createDirectories(mods.getParent());
        Files.writeString(mods, "# mine\napis:\n  groq:\n    models:\n      mine: {}\n");
        opencode = home.resolve(".config/opencode/opencode.jsonc");
        Files.createDirectories(opencode.getParent());
        Files.writeString(opencode, "// mine\n{\"provider\": {}}\n");
        codexHome = Files.createDirectories(home.resolve("codex"));
    }

    private UpdateConfigsMojo prepare(UpdateConfigsMojo mojo) throws Exception {
        mojo.environment = EnvironmentLookup.of(Map.of("HOME", home.toString(), "CODEX_HOME", codexHome.toString()));
        setVariableValueToObject(mojo, "outputDirectory", catalog.toFile());
        setVariableValueToObject(mojo, "modsConfig", mods.toFile());
        setVariableValueToObject(mojo, "providerNames", "groq");
        setVariableValueToObject(mojo, "tools", "mods,opencode");
        mojo.setLog(log);
        return mojo;
    }

    private List<Path> backups() throws IOException {
        Path dir = home.resolve(".cache/model-catalog/backups");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    @InjectMojo(goal = "update-configs", pom = POM)
    void mergesTheSelectedToolsAndProvidersAndLogsEachFileAndTheBackup(UpdateConfigsMojo mojo) throws Exception {
        prepare(mojo).execute();

        String text = log.text();
        assertTrue(text.contains("[INFO] mods: " + mods + " (catalog.mods.config)"), text);
        assertTrue(text.contains("[INFO] opencode: " + opencode + " (default)"), text);
        assertTrue(text.contains("[INFO] " + mods + ": updated"), text);
        assertTrue(text.contains("[INFO]   apis.groq: updated, "), text);
        assertTrue(text.contains("[INFO]   provider.groq: added"), text);
        assertTrue(text.contains("[INFO] Backed up 2 file(s) first: "), text);
        assertTrue(text.contains(":restore -Dcatalog.backupId="), text);
        assertTrue(text.contains("[INFO] 2 file(s) written, 0 unchanged"), text);
        assertFalse(text.contains("codex"), "catalog.tools=mods,opencode: " + text);
        assertTrue(Files.readString(mods).contains("      mine: {}\n"), "merge keeps the user's model");
        assertTrue(Files.readString(opencode).startsWith("// mine\n{\"provider\": {\n"));
        assertFalse(Files.exists(codexHome.resolve("config.toml")));
        assertEquals(1, backups().size());
    }

    @Test
    @InjectMojo(goal = "update-configs", pom = POM)
    void eachFileIsLoggedWithTheParameterOrVariableThatGaveIt(UpdateConfigsMojo mojo) throws Exception {
        prepare(mojo);
        Path aichatDir = Files.createDirectories(home.resolve("aichat-dir"));
        mojo.environment =
                EnvironmentLookup.of(Map.of("HOME", home.toString(), "AICHAT_CONFIG_DIR", aichatDir.toString()));
        setVariableValueToObject(mojo, "codexHome", codexHome.toFile());
        setVariableValueToObject(mojo, "tools", "opencode,mods,codex,aichat");
        setVariableValueToObject(mojo, "dryRun", true);
        mojo.execute();

        assertEquals(
                List.of(
                        "[INFO] aichat: " + aichatDir.resolve("config.yaml") + " ($AICHAT_CONFIG_DIR)",
                        "[INFO] codex: " + codexHome.resolve("config.toml") + " (catalog.codex.home)",
                        "[INFO] mods: " + mods + " (catalog.mods.config)",
                        "[INFO] opencode: " + opencode + " (default)"),
                log.text()
                        .lines()
                        .filter(l -> l.matches("\\[INFO\\] \\w+: /.*\\)"))
                        .toList());
    }

    @Test
    @InjectMojo(goal = "update-configs", pom = POM)
    void strategyPruneAndBackupSettingsAreHonoured(UpdateConfigsMojo mojo) throws Exception {
        prepare(mojo);
        setVariableValueToObject(mojo, "strategy", "prune");
        setVariableValueToObject(mojo, "tools", "mods");
        setVariableValueToObject(mojo, "backupDirectory", home.resolve("bk").toFile());
        setVariableValueToObject(mojo, "backupKeep", 1);
        mojo.execute();
        assertFalse(Files.readString(mods).contains("mine: {}"), "prune drops the user's model");
        Files.writeString(mods, "# mine\napis:\n  groq:\n    models:\n      mine: {}\n");
        mojo.execute();
        try (Stream<Path> s = Files.list(home.resolve("bk"))) {
            assertEquals(1, s.count(), "catalog.backupKeep=1");
        }
        assertTrue(log.text().contains("(catalog.backupKeep=1)"), log::text);
    }

    @Test
    @InjectMojo(goal = "update-configs", pom = POM)
    void includeAlsoWritesCodexProfiles(UpdateConfigsMojo mojo) throws Exception {
        prepare(mojo);
        setVariableValueToObject(mojo, "tools", "codex");
        setVariableValueToObject(mojo, "include", "llama-3.3-70b-versatile");
        mojo.execute();
        assertTrue(
                log.text().contains("[INFO] codex: " + codexHome.resolve("config.toml") + " ($CODEX_HOME)"), log::text);
        try (Stream<Path> s = Files.list(codexHome)) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(
                    List.of(".model-catalog-profiles.json", "config.toml", "groq_llama-3_3-70b-versatile.config.toml"),
                    names);
        }
    }

    @Test
    @InjectMojo(goal = "update-configs", pom = POM)
    void aDryRunPrintsTheDiffsAndWritesNothing(UpdateConfigsMojo mojo) throws Exception {
        byte[] before = Files.readAllBytes(mods);
        prepare(mojo);
        setVariableValueToObject(mojo, "dryRun", true);
        mojo.execute();
        String text = log.text();
        assertTrue(text.contains("[INFO] " + mods + ": would change"), text);
        assertTrue(text.contains("[INFO] --- " + mods + "\n"), text);
        assertTrue(text.contains("[INFO] Dry run: 2 file(s) would change; nothing was written"), text);
        assertArrayEquals(before, Files.readAllBytes(mods));
        assertEquals("// mine\n{\"provider\": {}}\n", Files.readString(opencode));
        assertEquals(List.of(), backups());
    }

    @Test
    @InjectMojo(goal = "update-configs", pom = POM)
    void aDryRunShowsNoKeyOfTheUsersAtAnyLevel(UpdateConfigsMojo mojo) throws Exception {
        String key = "gsk_" + "FAKEfake0123456789abcdefGHIJKLmnopQRST"; // two literals: no key-shaped line committed
        Files.writeString(mods, "# mine\napis:\n  groq:\n    api-key: " + key + "\n    models:\n      mine: {}\n");
        prepare(mojo);
        setVariableValueToObject(mojo, "dryRun", true);

        mojo.execute();

        String text = log.text();
        assertTrue(text.contains("[INFO] --- " + mods + "\n"), text);
        assertTrue(text.contains("[INFO]      api-key: ********"), "the context line, masked: " + text);
        assertFalse(text.contains(key), text);
        assertFalse(text.contains("gsk_FAKE"), text);
    }

    @Test
    @InjectMojo(goal = "update-configs", pom = POM)
    void badParametersFailWithTheirNames(UpdateConfigsMojo mojo) throws Exception {
        prepare(mojo);
        setVariableValueToObject(mojo, "strategy", "squash");
        MojoExecutionException strategy = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(
                "catalog.strategy: unknown strategy 'squash'; use one of merge, prune, replace", strategy.getMessage());
        setVariableValueToObject(mojo, "strategy", "merge");
        setVariableValueToObject(mojo, "tools", "vim");
        MojoExecutionException tools = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(tools.getMessage().startsWith("catalog.tools: unknown tool 'vim'"), tools.getMessage());
        setVariableValueToObject(mojo, "tools", "mods");
        setVariableValueToObject(mojo, "providerNames", "nosuch");
        MojoExecutionException provider = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(provider.getMessage().startsWith("catalog.providers: "), provider.getMessage());
        setVariableValueToObject(mojo, "providerNames", "groq");
        setVariableValueToObject(mojo, "layout", "flat");
        MojoExecutionException layout = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(layout.getMessage().startsWith("catalog.layout: "), layout.getMessage());
        assertEquals(List.of(), backups());
    }

    @Test
    @InjectMojo(goal = "update-configs", pom = POM)
    void whatTheCatalogCannotGiveIsSaidInTheSameWordsAsForGenerateConfigs(UpdateConfigsMojo mojo) throws Exception {
        prepare(mojo);
        setVariableValueToObject(mojo, "providerNames", "mistral,xai");
        MojoExecutionException missing = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(
                "provider xai: the catalog has no " + catalog.resolve("models_xai.json") + ": fetch it first "
                        + "(catalog.providers=xai) or leave it out of catalog.providers (nothing was written)",
                missing.getMessage());

        setVariableValueToObject(mojo, "providerNames", "groq");
        mojo.environment = EnvironmentLookup.of(
                Map.of("HOME", home.toString(), "GROQ_API_OPENAI", "https://bob:hunter2@proxy.example/groq/v1"));
        MojoExecutionException password = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(
                password.getMessage()
                        .endsWith("put the key in the provider's key variable or a settings.xml <server> with id "
                                + "catalog-groq (nothing was written)"),
                password.getMessage());
        assertFalse(password.getMessage().contains("hunter2"), password.getMessage());

        Path absent = home.resolve("no-catalog");
        setVariableValueToObject(mojo, "outputDirectory", absent.toFile());
        MojoExecutionException noCatalog = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(
                "catalog folder " + absent + " does not exist: fetch into it first (mvn "
                        + "io.modelcatalog:catalog-maven-plugin:" + CatalogVersion.get() + ":fetch), or point "
                        + "catalog.outputDirectory at the folder the fetch goal writes (nothing was written)",
                noCatalog.getMessage());
        assertEquals(List.of(), backups());
    }

    /** A home that has only aichat's config, and the mojo set to use it with every tool by default. */
    private Path onlyAichat(UpdateConfigsMojo mojo) throws Exception {
        Path only = home.resolve("only-aichat");
        Path aichat = write(only.resolve(".config/aichat/config.yaml"), "# mine\nclients: []\n");
        mojo.environment = EnvironmentLookup.of(Map.of("HOME", only.toString()));
        setVariableValueToObject(mojo, "outputDirectory", catalog.toFile());
        setVariableValueToObject(mojo, "providerNames", "groq");
        mojo.setLog(log);
        return aichat;
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static final List<String> SKIPPED_BUT_AICHAT = List.of(
            "codex: %s/.codex/config.toml (default) does not exist: skipped (to create it, name the tool:"
                    + " -Dcatalog.tools=codex)",
            "mods: %s/.config/mods/mods.yml (default) does not exist: skipped (to create it, name the tool:"
                    + " -Dcatalog.tools=mods)",
            "opencode: %s/.config/opencode/opencode.json (default) does not exist: skipped (to create it, name the"
                    + " tool: -Dcatalog.tools=opencode)");

    @Test
    @InjectMojo(goal = "update-configs", pom = POM)
    void withDefaultToolsOnlyTheConfigsThatExistAreTouched(UpdateConfigsMojo mojo) throws Exception {
        Path aichat = onlyAichat(mojo);
        Path only = aichat.getParent().getParent().getParent();
        mojo.execute();

        List<String> skipped = log.at("INFO").stream()
                .filter(l -> l.contains("does not exist: skipped"))
                .toList();
        assertEquals(
                SKIPPED_BUT_AICHAT.stream().map(l -> String.format(l, only)).toList(), skipped, log::text);
        assertTrue(log.at("INFO").contains("aichat: " + aichat + " (default)"), log::text);
        assertTrue(log.at("INFO").contains(aichat + ": updated"), log::text);
        assertTrue(log.at("INFO").contains("1 file(s) written, 0 unchanged"), log::text);
        assertFalse(Files.exists(only.resolve(".codex")), "no codex home made");
        assertFalse(Files.exists(only.resolve(".config/mods")));
        assertFalse(Files.exists(only.resolve(".config/opencode")));
        List<Path> backedUp = filesUnder(only.resolve(".cache/model-catalog/backups"));
        assertEquals(2, backedUp.size(), "aichat's copy and the manifest: " + backedUp);
    }

    @Test
    @InjectMojo(goal = "update-configs", pom = POM)
    void aDryRunSkipsTheSameToolsAndShowsOnlyTheExistingFilesDiff(UpdateConfigsMojo mojo) throws Exception {
        Path aichat = onlyAichat(mojo);
        Path only = aichat.getParent().getParent().getParent();
        setVariableValueToObject(mojo, "dryRun", true);
        mojo.execute();
        assertEquals(
                SKIPPED_BUT_AICHAT.stream().map(l -> String.format(l, only)).toList(),
                log.at("INFO").stream()
                        .filter(l -> l.contains("does not exist: skipped"))
                        .toList(),
                log::text);
        assertTrue(log.at("INFO").contains(aichat + ": would change"), log::text);
        assertTrue(log.at("INFO").contains("--- " + aichat), log::text);
        assertTrue(
                log.at("INFO").stream().noneMatch(l -> l.startsWith("--- ") && !l.equals("--- " + aichat)),
                "only aichat's diff: " + log.text());
        assertEquals(
                List.of(aichat),
                filesUnder(only).stream()
                        .filter(f -> !f.startsWith(only.resolve(".cache/model-catalog/locks")))
                        .toList(),
                "a dry run writes nothing but its lock files");
    }

    @Test
    @InjectMojo(goal = "update-configs", pom = POM)
    void aToolNamedInCatalogToolsIsCreatedAndItsBackupRecordsItAbsent(UpdateConfigsMojo mojo) throws Exception {
        Path aichat = onlyAichat(mojo);
        Path only = aichat.getParent().getParent().getParent();
        setVariableValueToObject(mojo, "tools", "aichat,mods");
        mojo.execute();
        Path mods = only.resolve(".config/mods/mods.yml");
        assertTrue(Files.isRegularFile(mods), "named: created");
        assertTrue(log.at("INFO").contains(mods + " does not exist: created from the generated entries"), log::text);
        assertTrue(log.at("INFO").stream().noneMatch(l -> l.contains("skipped")), log::text);
        assertTrue(log.at("INFO").contains("2 file(s) written, 0 unchanged"), log::text);
        Path manifest = filesUnder(only.resolve(".cache/model-catalog/backups")).stream()
                .filter(f -> f.getFileName().toString().equals("manifest.json"))
                .findFirst()
                .orElseThrow();
        String text = Files.readString(manifest);
        assertTrue(
                text.contains("\"path\" : \"" + mods + "\",\n    \"absent\" : true\n"),
                "created, so recorded absent (restore removes it): " + text);
    }

    @Test
    @InjectMojo(goal = "update-configs", pom = POM)
    void backupsAndLocksFollowXdgCacheHomeWhenItIsSet(UpdateConfigsMojo mojo) throws Exception {
        prepare(mojo);
        Path xdg = home.resolve("xdg-cache");
        mojo.environment = EnvironmentLookup.of(
                Map.of("HOME", home.toString(), "CODEX_HOME", codexHome.toString(), "XDG_CACHE_HOME", xdg.toString()));
        mojo.execute();
        try (Stream<Path> made = Files.list(xdg.resolve("model-catalog/backups"))) {
            assertEquals(1, made.count(), "the backup");
        }
        assertTrue(Files.isDirectory(xdg.resolve("model-catalog/locks")), "the locks");
        assertFalse(Files.exists(home.resolve(".cache")), "nothing in ~/.cache");
    }

    @Test
    @InjectMojo(goal = "update-configs", pom = POM)
    void anEmptyCatalogFolderNamesTheFolderTheSettingAndTheFetchCommand(UpdateConfigsMojo mojo) throws Exception {
        prepare(mojo);
        Path empty = Files.createDirectories(home.resolve("empty-catalog"));
        setVariableValueToObject(mojo, "outputDirectory", empty.toFile());
        setVariableValueToObject(mojo, "providerNames", null);
        byte[] modsBefore = Files.readAllBytes(mods);
        mojo.execute();
        assertEquals(
                List.of("The catalog folder " + empty + " holds no provider's model list: nothing was"
                        + " changed. Fetch into it first (mvn io.modelcatalog:catalog-maven-plugin:"
                        + CatalogVersion.get() + ":fetch), or point catalog.outputDirectory at the folder the fetch"
                        + " goal writes"),
                log.at("WARNING"));
        assertArrayEquals(modsBefore, Files.readAllBytes(mods));
        assertEquals(List.of(), backups());
    }

    @Test
    @InjectMojo(goal = "update-configs", pom = POM)
    void aBrokenConfigFailsTheBuildNamingLineAndColumnAndNothingIsWritten(UpdateConfigsMojo mojo) throws Exception {
        Files.writeString(opencode, "{\n  \"provider\": {\n    \"groq\" {}\n  }\n}\n");
        byte[] modsBefore = Files.readAllBytes(mods);
        MojoFailureException e = assertThrows(MojoFailureException.class, prepare(mojo)::execute);
        assertTrue(e.getMessage().startsWith(opencode + ", line 3, column 12: is not valid JSON"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(nothing was written)"), e.getMessage());
        assertArrayEquals(modsBefore, Files.readAllBytes(mods));
        assertEquals(List.of(), backups());
    }

    @Test
    @InjectMojo(goal = "update-configs", pom = POM)
    void skipFlag(UpdateConfigsMojo mojo) throws Exception {
        byte[] before = Files.readAllBytes(mods);
        prepare(mojo);
        setVariableValueToObject(mojo, "updateConfigsSkip", true);
        mojo.execute();
        assertTrue(log.text().contains("catalog.update-configs.skip is true"), log::text);
        assertArrayEquals(before, Files.readAllBytes(mods));
    }

    @Test
    @InjectMojo(goal = "update-configs", pom = POM)
    void aRunOverEveryModelCountsTheProfileFilesPerProviderAndTellsEachFileAtDebug(UpdateConfigsMojo mojo)
            throws Exception {
        prepare(mojo);
        setVariableValueToObject(mojo, "codexHome", codexHome.toFile());
        setVariableValueToObject(mojo, "tools", "codex");
        setVariableValueToObject(mojo, "providerNames", "groq,mistral");
        setVariableValueToObject(mojo, "include", "*");
        mojo.execute();

        List<String> counts = log.at("INFO").stream()
                .filter(l -> l.startsWith("codex profile files of "))
                .toList();
        long groq = profiles("groq_");
        long mistral = profiles("mistral_");
        assertTrue(groq > 10 && mistral > 10, groq + " and " + mistral + " profiles");
        assertEquals(
                List.of(
                        "codex profile files of groq: " + groq + " created",
                        "codex profile files of mistral: " + mistral + " created"),
                counts);
        assertFalse(log.at("INFO").stream().anyMatch(l -> l.contains(".config.toml")), "no profile file at INFO");
        assertEquals(
                groq + mistral,
                log.at("DEBUG").stream()
                        .filter(l -> l.endsWith(".config.toml: created"))
                        .count(),
                "each profile file at DEBUG");
        assertTrue(
                log.text().contains("[INFO] " + codexHome.resolve("config.toml") + " does not exist"),
                "the" + " config file itself is told at INFO");

        MojoLogRecorder rerun = new MojoLogRecorder();
        mojo.setLog(rerun);
        mojo.execute();
        assertTrue(rerun.at("INFO").contains("codex profile files of groq: " + groq + " unchanged"), rerun.text());
        assertTrue(
                rerun.at("INFO").contains("codex profile files of mistral: " + mistral + " unchanged"), rerun.text());
        assertTrue(
                rerun.at("INFO")
                        .contains("Nothing to change since the last run: the catalog files, the settings and the "
                                + (groq + mistral + 2) + " config file(s) are as it left them, so nothing was read or"
                                + " merged (-Dcatalog.force=true merges them again)"),
                rerun.text());
        assertTrue(
                rerun.at("INFO").contains("0 file(s) written, " + (groq + mistral + 2) + " unchanged"), rerun.text());

        // the user edits their config.toml: noticed, merged again, not a byte of theirs lost
        Path config = codexHome.resolve("config.toml");
        Files.writeString(config, Files.readString(config) + "\n# mine\n");
        MojoLogRecorder edited = new MojoLogRecorder();
        mojo.setLog(edited);
        mojo.execute();
        assertFalse(edited.text().contains("Nothing to change since the last run"), edited.text());
        assertTrue(edited.text().contains("[INFO] " + config + ": unchanged"), edited.text());
        assertTrue(Files.readString(config).endsWith("\n# mine\n"), "not a byte of theirs lost");

        setVariableValueToObject(mojo, "force", true);
        MojoLogRecorder forced = new MojoLogRecorder();
        mojo.setLog(forced);
        mojo.execute();
        assertFalse(forced.text().contains("Nothing to change since the last run"), forced.text());
    }

    @Test
    @InjectMojo(goal = "update-configs", pom = POM)
    void legacyProfileTablesAreOneWarningWithTheCommandThatMovesThemAll(UpdateConfigsMojo mojo) throws Exception {
        prepare(mojo);
        setVariableValueToObject(mojo, "codexHome", codexHome.toFile());
        setVariableValueToObject(mojo, "tools", "codex");
        Path config = codexHome.resolve("config.toml");
        Files.writeString(config, "model = \"m\"\n\n[profiles.a]\nmodel = \"x\"\n\n[profiles.b]\nmodel = \"y\"\n");
        mojo.execute();
        List<String> warnings = log.at("WARNING");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(
                warnings.get(0)
                        .startsWith(config + ": 2 legacy [profiles.*] table(s), with which codex --profile"
                                + " <name> fails; left alone. Move them all to profile files at once (one backup, undone by"
                                + " restore) with mvn io.modelcatalog:catalog-maven-plugin:"),
                warnings.get(0));
        assertTrue(warnings.get(0).endsWith(":update-configs -Dcatalog.tools=codex -Dcatalog.codex.migrateProfiles"));

        MojoLogRecorder migrating = new MojoLogRecorder();
        mojo.setLog(migrating);
        setVariableValueToObject(mojo, "migrateProfiles", true);
        mojo.execute();
        assertTrue(
                migrating
                        .at("INFO")
                        .contains(
                                "Moved 2 legacy [profiles.*] table(s) of config.toml to their own profile" + " files"),
                migrating.text());
        assertEquals(List.of(), migrating.at("WARNING"));
        assertTrue(Files.readString(codexHome.resolve("a.config.toml")).endsWith("model = \"x\"\n"));
        assertFalse(Files.readString(config).contains("[profiles."));
    }

    private long profiles(String prefix) throws IOException {
        try (Stream<Path> s = Files.list(codexHome)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.getFileName().toString().endsWith(".config.toml"))
                    .count();
        }
    }
}
