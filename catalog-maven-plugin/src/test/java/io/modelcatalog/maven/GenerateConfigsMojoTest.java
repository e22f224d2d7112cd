package io.modelcatalog.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** The corpus catalog (a legacy-layout folder) from the core's test jar. */
    private static File corpusCatalog() throws URISyntaxException {
        return Path.of(GenerateConfigsMojoTest.class.getClassLoader()
                .getResource("legacy-corpus/bak/models_openai.json").toURI()).getParent().toFile();
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
        setVariableValueToObject(mojo, "configsDirectory", dir.toFile());
        mojo.execute();

        assertTrue(Files.isRegularFile(dir.resolve("aichat/models_openai.yaml")));
        assertTrue(Files.isRegularFile(dir.resolve("aichat/models_anthropic.yaml")));
        assertTrue(Files.isRegularFile(dir.resolve("codex/models_openai.toml")));
        assertFalse(Files.exists(dir.resolve("mods")), "catalog.tools=aichat,codex");
        assertFalse(Files.exists(dir.resolve("aichat/models_openrouter.yaml")), "catalog.providers=openai,anthropic");
        JsonNode models = new YAMLMapper().readTree(dir.resolve("aichat/models_openai.yaml").toFile())
                .get("clients").get(0).get("models");
        for (JsonNode m : models) {
            String name = m.get("name").asText();
            assertFalse(name.contains("audio") || name.contains("realtime"), name + ": catalog.exclude");
        }
        assertEquals(models.size() + 9, count(dir.resolve("codex/profiles")), "one profile per model kept");
    }

    @Test
    @InjectMojo(goal = "generate-configs", pom = POM)
    @MojoParameter(name = "providerNames", value = "nosuch")
    void anUnknownProviderFailsNamingTheParameter(GenerateConfigsMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "outputDirectory", corpusCatalog());
        setVariableValueToObject(mojo, "configsDirectory", dir.toFile());
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("catalog.providers:"), e.getMessage());
        assertEquals(0, count(dir));
    }

    @Test
    @InjectMojo(goal = "generate-configs", pom = POM)
    @MojoParameter(name = "tools", value = "aichat,vim")
    void anUnknownToolFailsNamingTheParameter(GenerateConfigsMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "outputDirectory", corpusCatalog());
        setVariableValueToObject(mojo, "configsDirectory", dir.toFile());
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("catalog.tools") && e.getMessage().contains("vim"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "generate-configs", pom = POM)
    void aBrokenCatalogFileFailsWithFileAndLineAndNothingIsWritten(GenerateConfigsMojo mojo) throws Exception {
        Path catalog = dir.resolve("models");
        Files.createDirectories(catalog);
        Files.copy(corpusCatalog().toPath().resolve("models_openai.json"), catalog.resolve("models_openai.json"));
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
        assertTrue(e.getMessage().contains("catalog folder " + expected + " does not exist"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "generate-configs", pom = POM)
    @MojoParameter(name = "generateConfigsSkip", value = "true")
    void skipFlag(GenerateConfigsMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "outputDirectory", corpusCatalog());
        setVariableValueToObject(mojo, "configsDirectory", dir.toFile());
        mojo.execute();
        assertEquals(0, count(dir));
    }

    @Test
    @InjectMojo(goal = "generate-configs", pom = POM)
    void defaultConfigsFolderIsInsideTheCatalogFolder(GenerateConfigsMojo mojo) throws Exception {
        Path catalog = dir.resolve("models");
        Files.createDirectories(catalog);
        for (String f : new String[] {"models_openai.json", "models_anthropic.json"}) {
            Files.copy(corpusCatalog().toPath().resolve(f), catalog.resolve(f));
        }
        setVariableValueToObject(mojo, "outputDirectory", catalog.toFile());
        mojo.execute();
        assertTrue(Files.isRegularFile(catalog.resolve("configs/aichat/models_openai.yaml")));
    }
}
