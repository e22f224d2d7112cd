package io.modelcatalog.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.when;

import io.modelcatalog.artifact.CatalogOrigin;
import io.modelcatalog.artifact.CatalogPackage;
import io.modelcatalog.files.Sha256;
import io.modelcatalog.testing.LegacyCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.installation.InstallRequest;
import org.eclipse.aether.repository.LocalRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fetch goal with {@code catalog.from}, through the real resolver on a local repository that holds three
 * versions of a catalog: a version and a range resolved as Maven resolves them, the files byte for byte, the run
 * record, no provider asked; a wrong pin, a missing version (online and offline) and bad settings named with the
 * remedy, the catalog left as it was.
 */
@MojoTest
class FetchFromArtifactMojoTest {

    private static final String POM = "src/test/resources/unit/artifact-pom.xml";

    @Inject
    private MavenSession session;

    @Inject
    private MavenProject project;

    @Inject
    private RepositorySystem system;

    @TempDir
    Path work;

    private DefaultRepositorySystemSession repoSession;
    private Path producer;
    private Path models;
    private final Map<String, String> zipSha256 = new TreeMap<>();

    @BeforeEach
    void repositoryWithThreeVersions() throws Exception {
        repoSession = new DefaultRepositorySystemSession();
        repoSession.setLocalRepositoryManager(system.newLocalRepositoryManager(
                repoSession, new LocalRepository(work.resolve("repo").toFile())));
        when(session.getRepositorySession()).thenReturn(repoSession);
        when(project.getRemoteProjectRepositories()).thenReturn(List.of());
        producer = CorpusFolders.regular(work.resolve("producer"));
        for (String version : List.of("1.0.0", "1.1.0", "2.0.0")) {
            // each version a catalog of its own: 1.1.0 has lost groq
            if (version.equals("1.1.0")) {
                for (String ext : List.of("json", "txt", "toml")) {
                    Files.delete(producer.resolve("models_groq." + ext));
                }
            }
            Path zip = work.resolve("team-models-" + version + "-catalog.zip");
            CatalogPackage.write(producer, zip, Instant.parse("2026-01-01T00:00:00Z"));
            zipSha256.put(version, Sha256.of(Files.readAllBytes(zip)));
            system.install(
                    repoSession,
                    new InstallRequest()
                            .addArtifact(new DefaultArtifact("com.example", "team-models", "catalog", "zip", version)
                                    .setFile(zip.toFile())));
        }
        models = work.resolve("models");
    }

    private FetchMojo from(FetchMojo mojo, String coordinates) throws Exception {
        setVariableValueToObject(mojo, "outputDirectory", models.toFile());
        setVariableValueToObject(mojo, "cacheDirectory", work.resolve("cache").toFile());
        setVariableValueToObject(mojo, "from", coordinates);
        return mojo;
    }

    private static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(folder.relativize(f).toString(), Sha256.of(Files.readAllBytes(f)));
            }
        }
        return out;
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    void aVersionIsResolvedCheckedAndPutInPlaceWithoutAProvider(FetchMojo mojo) throws Exception {
        MojoLogRecorder log = new MojoLogRecorder();
        mojo.setLog(log);
        from(mojo, "com.example:team-models:1.0.0").execute();

        for (String name : CorpusFolders.regularFiles()) {
            assertArrayEquals(LegacyCorpus.bak(name), Files.readAllBytes(models.resolve(name)), name);
        }
        CatalogOrigin origin = CatalogOrigin.read(models).orElseThrow();
        assertEquals("com.example:team-models:zip:catalog:1.0.0", origin.artifact());
        assertEquals("1.0.0", origin.version());
        assertEquals(zipSha256.get("1.0.0"), origin.sha256());
        assertEquals(108, origin.files());
        List<String> info = log.at("INFO");
        assertEquals(
                "Catalog from the artifact com.example:team-models:1.0.0 (zip, classifier catalog): no provider is"
                        + " asked, no key is needed",
                info.get(0));
        assertTrue(info.get(1).startsWith("Resolved com.example:team-models:zip:catalog:1.0.0 from "), info.get(1));
        assertTrue(info.get(1).endsWith("team-models-1.0.0-catalog.zip"), info.get(1));
        assertEquals(
                "Checked 108 files (" + origin.bytes() + " bytes, legacy layout) against the zip's manifest; the zip's"
                        + " SHA-256 is " + origin.sha256() + " (catalog.fromSha256 pins it)",
                info.get(2));
        assertTrue(
                info.get(3)
                        .startsWith("Catalog in " + models + " replaced as a whole by "
                                + "com.example:team-models:zip:catalog:1.0.0: 109 added, 0 replaced, 0 removed, 0 unchanged;"
                                + " recorded in catalog-origin.json ("),
                info.get(3));
        assertEquals(List.of(), log.at("WARN"));
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    void aRangeResolvesToItsHighestVersionAndARerunWritesNothing(FetchMojo mojo) throws Exception {
        from(mojo, "com.example:team-models:[1.0,2.0)").execute();
        CatalogOrigin origin = CatalogOrigin.read(models).orElseThrow();
        assertEquals("1.1.0", origin.version());
        assertEquals("com.example:team-models:[1.0,2.0)", origin.requested());
        assertFalse(Files.exists(models.resolve("models_groq.json")), "1.1.0 has no groq");

        MojoLogRecorder log = new MojoLogRecorder();
        mojo.setLog(log);
        mojo.execute();
        assertTrue(
                log.at("INFO")
                        .get(3)
                        .startsWith("Catalog in " + models + " is com.example:team-models:zip:catalog:1.1.0's"
                                + " already: 106 files unchanged, nothing written ("),
                log.text());
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    void aZipThatIsNotThePinnedOneIsRefusedAndTheCatalogStays(FetchMojo mojo) throws Exception {
        from(mojo, "com.example:team-models:1.0.0").execute();
        Map<String, String> before = snapshot(models);
        from(mojo, "com.example:team-models:2.0.0");
        setVariableValueToObject(mojo, "fromSha256", zipSha256.get("1.0.0").toUpperCase());
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("Catalog refused: "), e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith("; only if the new zip is one you trust, set catalog.fromSha256 to its digest;"
                                + " the catalog in " + models + " was left as it was"),
                e.getMessage());
        assertEquals(before, snapshot(models));

        setVariableValueToObject(mojo, "fromSha256", zipSha256.get("2.0.0"));
        mojo.execute();
        assertEquals("2.0.0", CatalogOrigin.read(models).orElseThrow().version());
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    void aVersionNoRepositoryHasIsNamedWithTheRemedyOnlineAndOffline(FetchMojo mojo) throws Exception {
        MojoExecutionException online =
                assertThrows(MojoExecutionException.class, from(mojo, "com.example:team-models:1.9.9")::execute);
        assertTrue(
                online.getMessage()
                        .startsWith("Cannot resolve com.example:team-models:zip:catalog:1.9.9 from the local repository"
                                + " alone (the project names no remote repository): "),
                online.getMessage());
        assertTrue(
                online.getMessage().endsWith(" and the repositories or <mirror> of settings.xml"), online.getMessage());

        repoSession.setOffline(true);
        MojoExecutionException offline = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(
                "Cannot resolve com.example:team-models:zip:catalog:1.9.9 offline (-o): the local repository "
                        + work.resolve("repo") + " lacks it; run once online first",
                offline.getMessage());
        MojoExecutionException range =
                assertThrows(MojoExecutionException.class, from(mojo, "com.example:team-models:[3,)")::execute);
        assertTrue(
                range.getMessage().startsWith("No version of com.example:team-models in [3,) in the local"),
                range.getMessage());
        assertFalse(Files.exists(models));

        // offline, what the local repository holds resolves
        from(mojo, "com.example:team-models:1.0.0").execute();
        assertEquals("1.0.0", CatalogOrigin.read(models).orElseThrow().version());
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    void badSettingsAreNamed(FetchMojo mojo) throws Exception {
        MojoExecutionException coordinates =
                assertThrows(MojoExecutionException.class, from(mojo, "team-models:1.0.0")::execute);
        assertEquals(
                "catalog.from must be GROUP:ARTIFACT:VERSION (a version, or a range such as [1.0,2.0)), was"
                        + " 'team-models:1.0.0'",
                coordinates.getMessage());
        from(mojo, "com.example:team-models:1.0.0");
        setVariableValueToObject(mojo, "fromSha256", "abc");
        assertEquals(
                "catalog.fromSha256 must be the zip's SHA-256 as 64 hex digits, was 'abc'",
                assertThrows(MojoExecutionException.class, mojo::execute).getMessage());
        setVariableValueToObject(mojo, "fromSha256", null);
        setVariableValueToObject(mojo, "fromMaxBytes", 1000L);
        MojoExecutionException cap = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(
                cap.getMessage().contains("; raise catalog.fromMaxBytes if the catalog is that large"),
                cap.getMessage());
        assertFalse(Files.exists(models.resolve("models_openai.json")));
    }
}
