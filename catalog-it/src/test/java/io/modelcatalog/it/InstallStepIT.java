package io.modelcatalog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's install command, as a newcomer runs it: on a copy of the project (sources only) with a local repository
 * of its own that holds nothing of io.modelcatalog, the command exactly as README writes it; then a folder of one's
 * own, without a POM, runs {@code io.modelcatalog:catalog-maven-plugin:<version>:fetch} offline, which fails before
 * the install ("Could not find artifact") and resolves after it. Everything but this project comes through a mirror
 * that serves the build's own local repository, so nothing is downloaded and the account's repository is only read.
 */
class InstallStepIT {

    private static final Path PROJECT =
            Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

    @TempDir
    Path work;

    @Test
    void readmesInstallCommandLetsAProjectOfOnesOwnResolveThePlugin() throws Exception {
        List<String> install = CiScriptsIT.readmeBatchCommands().stream()
                .filter(c -> c.contains(" install "))
                .toList();
        assertEquals(1, install.size(), "README has one install command: " + install);
        List<String> args = List.of(install.get(0).split(" "));
        assertEquals("mvn", args.get(0));

        Path clone = work.resolve("clone");
        ProjectCopy.sources(PROJECT, clone);
        Path local = work.resolve("fresh-repository");
        Files.createDirectories(local);
        Path settings = mirrorOfTheBuildsRepository();
        Path own = Files.createDirectories(work.resolve("own"));

        ForkedMaven.Result before = fetchInAFolderOfOnesOwn(own, local, settings);
        assertNotEquals(0, before.exitCode(), before::text);
        assertTrue(before.logContains("io.modelcatalog:catalog-maven-plugin"), before::text);

        ForkedMaven.Result installed = new ForkedMaven(clone)
                .unsetProperty("catalog.cacheDirectory")
                .goals(args.subList(1, args.size()).toArray(String[]::new))
                .localRepository(local)
                .settings(settings)
                .timeoutSeconds(1200)
                .run();
        assertEquals(0, installed.exitCode(), installed::text);
        for (String artifact : List.of("catalog-parent", "catalog-core", "catalog-maven-plugin")) {
            assertTrue(
                    Files.isDirectory(local.resolve("io/modelcatalog/" + artifact + "/" + version())),
                    artifact + " installed");
        }

        ForkedMaven.Result after = fetchInAFolderOfOnesOwn(own, local, settings);
        assertEquals(0, after.exitCode(), after::text);
        assertTrue(after.logContains("groq"), after::text);
        assertFalse(after.logContains("Could not find artifact"), after::text);
    }

    private static String version() {
        return System.getProperty("it.pluginVersion", "0.1.0-SNAPSHOT");
    }

    /** README's command without a project, offline (only the local repository), for one provider without a key. */
    private ForkedMaven.Result fetchInAFolderOfOnesOwn(Path own, Path local, Path settings) throws Exception {
        return new ForkedMaven(own)
                .goals("io.modelcatalog:catalog-maven-plugin:" + version() + ":fetch")
                .property("catalog.providers", "groq")
                .localRepository(local)
                .settings(settings)
                .offline(true)
                .run();
    }

    /** Settings whose mirror of every repository is the local repository of the build running this test. */
    private Path mirrorOfTheBuildsRepository() throws IOException {
        String outer = System.getProperty("it.outerRepo");
        Path repository = outer != null && !outer.isBlank() && !outer.contains("${")
                ? Path.of(outer)
                : Path.of(System.getProperty("user.home"), ".m2/repository");
        return Files.writeString(work.resolve("settings.xml"), """
                <settings>
                  <mirrors>
                    <mirror>
                      <id>the-builds-repository</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(repository.toUri()));
    }
}
