package io.modelcatalog.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.modelcatalog.CatalogVersion;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.testing.UnwritableFolders;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal's parameters reach the core and its files appear where the parameters say. */
@MojoTest
class GenerateConfigsMojoTest {

    private static final String POM = "src/test/resources/generate-configs/pom.xml";

    @TempDir
    Path dir;

    /**
     * A catalog folder with these providers' corpus files (from the core's test jar, which is a jar in a
     * reactor {@code verify}, so the files are copied rather than used in place).
     */
    private File corpusCatalog() throws IOException {
        Path catalog = dir.resolve("corpus");
        if (!Files.isDirectory(catalog)) {
            Files.createDirectories(catalog);
            for (String p : new String[] {"openai", "anthropic", "openrouter", "litellm"}) {
                copyCorpusFile("models_" + p + ".json", catalog);
            }
        }
        return catalog.toFile();
    }

    private static void copyCorpusFile(String name, Path folder) throws IOException {
        try (InputStream in =
                GenerateConfigsMojoTest.class.getClassLoader().getResourceAsStream("legacy-corpus/bak/" + name)) {
            if (in == null) {
                throw new IllegalStateException("legacy-corpus/bak/" + name + " is not on the test classpath");
            }
            Files.copy(in, folder.resolve(name));
        }
    }

    private static long count(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.count();
        }
    }

    @Test
    @InjectMojo(goal = "generate-configs", pom = POM)
    void writesTheSelectedToolsAndProvidersIntoTheConfigsDirectory(GenerateConfigsMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "outputDirectory", corpusCatalog());
        setVariableValueToObject(
                mojo, "configsDirectory", dir.resolve("configs").toFile());
        MojoLogRecorder log = new MojoLogRecorder();
        mojo.setLog(log);
        mojo.execute();
        List<String> info = log.at("INFO");
        assertEquals("Configs: " + dir.resolve("configs"), info.get(info.size() - 1), "where it wrote, last");

        assertTrue(Files.isRegularFile(dir.resolve("configs/aichat/models_openai.yaml")));
        assertTrue(Files.isRegularFile(dir.resolve("configs/aichat/models_anthropic.yaml")));
        assertTrue(Files.isRegularFile(dir.resolve("configs/codex/models_openai.toml")));
        assertFalse(Files.exists(dir.resolve("configs/mods")), "catalog.tools=aichat,codex");
        assertFalse(
                Files.exists(dir.resolve("configs/aichat/models_openrouter.yaml")),
                "catalog.providers=openai,anthropic");
        JsonNode models = new YAMLMapper()
                .readTree(dir.resolve("configs/aichat/models_openai.yaml").toFile())
                .get("clients")
                .get(0)
                .get("models");
        for (JsonNode m : models) {
            String name = m.get("name").asText();
            assertFalse(name.contains("audio") || name.contains("realtime"), name + ": catalog.exclude");
        }
        assertEquals(models.size() + 9, count(dir.resolve("configs/codex/profiles")), "one profile per model kept");
    }

    @Test
    @InjectMojo(goal = "generate-configs", pom = POM)
    void withoutCacheDirectoryItsRecordGoesUnderHome(GenerateConfigsMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "outputDirectory", corpusCatalog());
        setVariableValueToObject(
                mojo, "configsDirectory", dir.resolve("configs").toFile());
        setVariableValueToObject(mojo, "cacheDirectory", null);
        Path home = dir.resolve("home");
        mojo.environment = EnvironmentLookup.of(Map.of("HOME", home.toString()));
        mojo.execute();
        try (Stream<Path> files = Files.walk(home)) {
            assertTrue(
                    files.anyMatch(f -> Files.isRegularFile(f) && f.startsWith(home.resolve(".cache/model-catalog"))),
                    "generate-configs' record under $HOME/.cache/model-catalog");
        }
    }

    @Test
    @InjectMojo(goal = "generate-configs", pom = POM)
    @MojoParameter(name = "providerNames", value = "nosuch")
    void anUnknownProviderFailsNamingTheParameter(GenerateConfigsMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "outputDirectory", corpusCatalog());
        setVariableValueToObject(
                mojo, "configsDirectory", dir.resolve("configs").toFile());
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("catalog.providers:"), e.getMessage());
        assertEquals(0, count(dir.resolve("configs")));
    }

    @Test
    @InjectMojo(goal = "generate-configs", pom = POM)
    @MojoParameter(name = "tools", value = "aichat,vim")
    void anUnknownToolFailsNamingTheParameter(GenerateConfigsMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "outputDirectory", corpusCatalog());
        setVariableValueToObject(
                mojo, "configsDirectory", dir.resolve("configs").toFile());
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("catalog.tools") && e.getMessage().contains("vim"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "generate-configs", pom = POM)
    void aBrokenCatalogFileFailsWithFileAndLineAndNothingIsWritten(GenerateConfigsMojo mojo) throws Exception {
        Path catalog = dir.resolve("models");
        Files.createDirectories(catalog);
        copyCorpusFile("models_openai.json", catalog);
        Files.writeString(catalog.resolve("models_anthropic.json"), "{\"data\": [\n{\"id\": }]}");
        setVariableValueToObject(mojo, "outputDirectory", catalog.toFile());
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("models_anthropic.json:2:"), e.getMessage());
        assertFalse(Files.exists(catalog.resolve("configs")), "default configs folder, not created");
    }

    @Test
    @InjectMojo(goal = "generate-configs", pom = POM)
    void withoutAPomTheUnresolvedDefaultMeansModelsInTheWorkingFolder(GenerateConfigsMojo mojo) throws Exception {
        // Maven 3.8 without a POM leaves ${project.basedir} unresolved in the default value
        setVariableValueToObject(mojo, "outputDirectory", new File("${project.basedir}/models"));
        setVariableValueToObject(mojo, "project", null);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        String expected = new File(System.getProperty("user.dir"), "models").getPath();
        assertTrue(
                e.getMessage()
                        .contains("catalog folder " + expected + " does not exist: fetch into it first (mvn "
                                + "io.modelcatalog:catalog-maven-plugin:" + CatalogVersion.get() + ":fetch), or point "
                                + "catalog.outputDirectory at the folder the fetch goal writes"),
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "generate-configs", pom = POM)
    @MojoParameter(name = "providerNames", value = "xai")
    void aProviderMissingFromTheCatalogNamesTheParameter(GenerateConfigsMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "outputDirectory", corpusCatalog());
        setVariableValueToObject(
                mojo, "configsDirectory", dir.resolve("configs").toFile());
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(
                e.getMessage()
                        .endsWith(": fetch it first (catalog.providers=xai) or leave it out of catalog.providers"
                                + " (nothing was written)"),
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "generate-configs", pom = POM)
    @MojoParameter(name = "generateConfigsSkip", value = "true")
    void skipFlag(GenerateConfigsMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "outputDirectory", corpusCatalog());
        setVariableValueToObject(
                mojo, "configsDirectory", dir.resolve("configs").toFile());
        mojo.execute();
        assertEquals(0, count(dir.resolve("configs")));
    }

    @Test
    @InjectMojo(goal = "generate-configs", pom = POM)
    void defaultConfigsFolderIsInsideTheCatalogFolder(GenerateConfigsMojo mojo) throws Exception {
        Path catalog = dir.resolve("models");
        Files.createDirectories(catalog);
        for (String f : new String[] {"models_openai.json", "models_anthropic.json"}) {
            copyCorpusFile(f, catalog);
        }
        setVariableValueToObject(mojo, "outputDirectory", catalog.toFile());
        mojo.execute();
        assertTrue(Files.isRegularFile(catalog.resolve("configs/aichat/models_openai.yaml")));
    }

    @Test
    @InjectMojo(goal = "generate-configs", pom = POM)
    void anEmptyCatalogWarnsThatNothingWasGenerated(GenerateConfigsMojo mojo) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("failed_models.json"), "{}"); // what a fetch without keys leaves
        setVariableValueToObject(mojo, "outputDirectory", empty.toFile());
        setVariableValueToObject(mojo, "providerNames", null); // all the catalog holds
        MojoLogRecorder log = new MojoLogRecorder();
        mojo.setLog(log);

        mojo.execute();

        assertEquals(
                java.util.List.of("No configs generated: the catalog folder " + empty + " holds no provider's "
                        + "models_<p>.json. Run the fetch goal with the providers' API keys set first, or point "
                        + "catalog.outputDirectory at the catalog folder"),
                log.at("WARNING"));
    }

    @Test
    @InjectMojo(goal = "generate-configs", pom = POM)
    void aFolderWithBothLayoutsIsReadFlatWithAWarningNamingBoth(GenerateConfigsMojo mojo) throws Exception {
        File catalog = corpusCatalog(); // flat: openai, anthropic, openrouter, litellm
        Path json = Files.createDirectories(catalog.toPath().resolve("json"));
        copyCorpusFile("models_groq.json", json);
        setVariableValueToObject(mojo, "outputDirectory", catalog);
        setVariableValueToObject(
                mojo, "configsDirectory", dir.resolve("configs").toFile());
        MojoLogRecorder log = new MojoLogRecorder();
        mojo.setLog(log);

        mojo.execute();

        assertEquals(
                java.util.List.of(catalog + " holds catalog files in both layouts: 4 flat models_<p>.json and 1 in "
                        + "json/; the flat ones are read (the same rule for every goal), the others ignored: remove the "
                        + "set that is no longer used"),
                log.at("WARNING"));
        assertTrue(Files.isRegularFile(dir.resolve("configs/aichat/models_openai.yaml")));
        assertFalse(Files.exists(dir.resolve("configs/aichat/models_groq.yaml")));
    }

    @Test
    @InjectMojo(goal = "generate-configs", pom = POM)
    void leftoversOfAKilledRunInTheConfigsFolderAreRemoved(GenerateConfigsMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "outputDirectory", corpusCatalog());
        setVariableValueToObject(
                mojo, "configsDirectory", dir.resolve("configs").toFile());
        Path profile =
                Files.createDirectories(dir.resolve("configs/codex/profiles")).resolve(".gpt-4o.config.toml.8812.tmp");
        Files.writeString(profile, "half");
        Files.setLastModifiedTime(
                profile,
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofHours(1))));
        MojoLogRecorder log = new MojoLogRecorder();
        mojo.setLog(log);

        mojo.execute();

        assertFalse(Files.exists(profile));
        assertTrue(
                log.at("INFO")
                        .contains("Removed 1 temporary file(s) that an interrupted run left in "
                                + dir.resolve("configs") + ": " + profile),
                log::text);
    }

    @Test
    @InjectMojo(goal = "generate-configs", pom = POM)
    void aRerunWithNothingChangedSaysUnchangedAndAnEditedCatalogFileIsRenderedAgain(GenerateConfigsMojo mojo)
            throws Exception {
        File catalog = corpusCatalog();
        setVariableValueToObject(mojo, "outputDirectory", catalog);
        setVariableValueToObject(
                mojo, "configsDirectory", dir.resolve("configs").toFile());
        setVariableValueToObject(mojo, "cacheDirectory", dir.resolve("cache").toFile());
        mojo.setLog(new MojoLogRecorder());
        mojo.execute();

        MojoLogRecorder again = new MojoLogRecorder();
        mojo.setLog(again);
        mojo.execute();
        String unchanged = again.at("INFO").stream()
                .filter(l -> l.startsWith("Unchanged since the last run"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(again.text()));
        assertTrue(
                unchanged.endsWith(" generated file(s) are as it left them, so nothing was read or written"
                        + " (-Dcatalog.force=true reads and renders everything again)"),
                unchanged);
        assertTrue(again.at("INFO").stream().anyMatch(l -> l.startsWith("openai ")), "the summary lines stay");

        Path openai = catalog.toPath().resolve("models_openai.json");
        Files.writeString(openai, Files.readString(openai).replaceFirst("\n", "\n "));
        MojoLogRecorder edited = new MojoLogRecorder();
        mojo.setLog(edited);
        mojo.execute();
        assertFalse(edited.text().contains("Unchanged since the last run"), edited::text);
        assertTrue(
                edited.at("INFO").stream().anyMatch(l -> l.matches("0 file\\(s\\) written, \\d+ unchanged")),
                edited::text);

        setVariableValueToObject(mojo, "force", true);
        MojoLogRecorder forced = new MojoLogRecorder();
        mojo.setLog(forced);
        mojo.execute();
        assertFalse(forced.text().contains("Unchanged since the last run"), forced::text);
    }

    /* 13.7: the condition and the remedy, not a bare path */

    @Test
    @InjectMojo(goal = "generate-configs", pom = POM)
    void aConfigsPathThatIsARegularFileIsSaidSo(GenerateConfigsMojo mojo) throws Exception {
        Path file = Files.writeString(dir.resolve("configs"), "x");
        setVariableValueToObject(mojo, "outputDirectory", corpusCatalog());
        setVariableValueToObject(mojo, "configsDirectory", file.toFile());

        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        assertEquals(
                "Generating configs into " + file + " failed: " + file + " is a regular file, not a folder; remove "
                        + "or rename that file, or choose another folder (catalog.configsDirectory)",
                e.getMessage());
        assertEquals("x", Files.readString(file));
    }

    @Test
    @InjectMojo(goal = "generate-configs", pom = POM)
    void aConfigsFolderThisUserCannotCreateSaysPermissionDenied(GenerateConfigsMojo mojo) throws Exception {
        Path locked = UnwritableFolders.create(dir);
        setVariableValueToObject(mojo, "outputDirectory", corpusCatalog());
        setVariableValueToObject(
                mojo, "configsDirectory", locked.resolve("catalog-configs").toFile());

        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        assertEquals(
                "Generating configs into " + locked.resolve("catalog-configs") + " failed: " + locked
                        + ": permission denied (this user cannot create files in it); give this user write permission "
                        + "on it (chmod u+w " + locked + "), or choose another folder (catalog.configsDirectory)",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "generate-configs", pom = POM)
    void aCatalogPathThatIsARegularFileIsSaidSo(GenerateConfigsMojo mojo) throws Exception {
        // it once said "does not exist" of a file that does
        Path file = Files.writeString(dir.resolve("models-file"), "x");
        setVariableValueToObject(mojo, "outputDirectory", file.toFile());
        setVariableValueToObject(
                mojo, "configsDirectory", dir.resolve("configs").toFile());

        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        assertEquals(
                "The catalog folder " + file + " is a regular file, not a folder: point catalog.outputDirectory at "
                        + "the folder the fetch goal writes",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "generate-configs", pom = POM)
    void templatesRenderIntoTheConfigsFolderAndAFailingOneWritesNothing(GenerateConfigsMojo mojo) throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("ids.yaml.ftl"), "ids:\n<#list models as m>\n  - ${m.id}\n</#list>\n");
        setVariableValueToObject(mojo, "outputDirectory", corpusCatalog());
        setVariableValueToObject(
                mojo, "configsDirectory", dir.resolve("configs").toFile());
        setVariableValueToObject(mojo, "templates", templates.toFile());
        mojo.execute();
        JsonNode ids = new YAMLMapper()
                .readTree(dir.resolve("configs/ids/models_anthropic.yaml").toFile())
                .get("ids");
        assertTrue(ids.size() > 0);

        Files.writeString(templates.resolve("ids.yaml.ftl"), "ids: ${provider.nope}\n");
        Path other = dir.resolve("other-configs");
        setVariableValueToObject(mojo, "configsDirectory", other.toFile());
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("ids.yaml.ftl, line 1, column 6"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(nothing was written)"), e.getMessage());
        assertFalse(Files.exists(other));
    }
}
