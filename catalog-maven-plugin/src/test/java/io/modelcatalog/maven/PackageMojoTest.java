package io.modelcatalog.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.files.Sha256;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package goal: the corpus catalog zipped into {@code target/<artifactId>-<version>-catalog.zip}, attached with
 * classifier {@code catalog} and type {@code zip}, the same bytes on a second run, the entries' time from
 * {@code project.build.outputTimestamp}; an empty folder or a bad timestamp named with the remedy.
 */
@MojoTest
class PackageMojoTest {

    private static final String POM = "src/test/resources/unit/artifact-pom.xml";

    @TempDir
    Path work;

    private MavenProject project;
    private Path models;

    @BeforeEach
    void project() throws Exception {
        models = CorpusFolders.bak(work.resolve("models"));
        project = new MavenProject();
        project.setGroupId("com.example");
        project.setArtifactId("team-models");
        project.setVersion("1.2.0");
        project.setFile(work.resolve("pom.xml").toFile());
        project.setArtifact(new DefaultArtifact(
                "com.example", "team-models", "1.2.0", null, "pom", null, new DefaultArtifactHandler("pom")));
    }

    private PackageMojo configured(PackageMojo mojo, String outputTimestamp) throws Exception {
        setVariableValueToObject(mojo, "project", project);
        setVariableValueToObject(mojo, "outputDirectory", models.toFile());
        setVariableValueToObject(mojo, "outputTimestamp", outputTimestamp);
        setVariableValueToObject(mojo, "buildDirectory", work.resolve("target").toFile());
        return mojo;
    }

    @Test
    @InjectMojo(goal = "package", pom = POM)
    void packsTheCatalogAndAttachesItForDeploy(PackageMojo mojo) throws Exception {
        MojoLogRecorder log = new MojoLogRecorder();
        mojo.setLog(log);
        configured(mojo, "2026-01-01T00:00:00Z").execute();

        Path zip = work.resolve("target/team-models-1.2.0-catalog.zip");
        assertTrue(Files.isRegularFile(zip));
        List<Artifact> attached = project.getAttachedArtifacts();
        assertEquals(1, attached.size());
        Artifact a = attached.get(0);
        assertEquals("catalog", a.getClassifier());
        assertEquals("zip", a.getType());
        assertEquals(zip.toFile(), a.getFile());
        assertEquals("com.example:team-models:zip:catalog:1.2.0", a.getId());
        String sha256 = Sha256.of(Files.readAllBytes(zip));
        List<String> info = log.at("INFO");
        assertEquals(1, info.size(), info::toString);
        assertTrue(
                info.get(0)
                        .matches(java.util.regex.Pattern.quote("Packaged 112 files of " + models
                                        + " (6021862 bytes, legacy layout) into " + zip + ": " + Files.size(zip)
                                        + " bytes, SHA-256 " + sha256 + " in ")
                                + "[0-9]+ ms"),
                info.get(0));
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry groq = z.getEntry("models_groq.json");
            assertEquals(LocalDateTime.parse("2026-01-01T00:00:00"), groq.getTimeLocal());
            assertArrayEquals(
                    Files.readAllBytes(models.resolve("models_groq.json")),
                    z.getInputStream(groq).readAllBytes());
        }
    }

    @Test
    @InjectMojo(goal = "package", pom = POM)
    void twoRunsGiveTheSameSha256(PackageMojo mojo) throws Exception {
        configured(mojo, "1767225600").execute();
        Path zip = work.resolve("target/team-models-1.2.0-catalog.zip");
        byte[] first = Files.readAllBytes(zip);
        Files.delete(zip);
        // the files written again, later: other times, same bytes
        for (File f : models.toFile().listFiles()) {
            Files.write(f.toPath(), Files.readAllBytes(f.toPath()));
        }
        configured(mojo, "2026-01-01T00:00:00Z").execute();
        assertEquals(Sha256.of(first), Sha256.of(Files.readAllBytes(zip)), "seconds or ISO: one time");
    }

    @Test
    @InjectMojo(goal = "package", pom = POM)
    void anEmptyCatalogFolderNamesTheFolderAndTheRemedy(PackageMojo mojo) throws Exception {
        Path empty = Files.createDirectories(work.resolve("empty"));
        configured(mojo, null);
        setVariableValueToObject(mojo, "outputDirectory", empty.toFile());
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(
                "catalog folder " + empty + " holds no catalog: no models_<p>.json, flat or in json/: run the fetch"
                        + " goal before package (bound to an earlier phase, or with catalog.from), or point"
                        + " catalog.outputDirectory at the catalog folder",
                e.getMessage());
        assertTrue(project.getAttachedArtifacts().isEmpty());
        assertFalse(Files.exists(work.resolve("target")));
    }

    @Test
    @InjectMojo(goal = "package", pom = POM)
    void aTimestampThatIsNoTimeIsAnError(PackageMojo mojo) throws Exception {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, configured(mojo, "yesterday")::execute);
        assertTrue(e.getMessage().startsWith("project.build.outputTimestamp must be"), e.getMessage());
        assertTrue(e.getMessage().endsWith("was 'yesterday'"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "package", pom = POM)
    void theSkipFlagSkips(PackageMojo mojo) throws Exception {
        configured(mojo, null);
        setVariableValueToObject(mojo, "packageSkip", true);
        mojo.execute();
        assertFalse(Files.exists(work.resolve("target")));
        assertTrue(project.getAttachedArtifacts().isEmpty());
    }
}
