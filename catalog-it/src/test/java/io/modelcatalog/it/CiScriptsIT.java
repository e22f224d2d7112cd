package io.modelcatalog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI scripts cannot let a check vanish: {@code .ci/run} stops when {@code .ci/install-tools} fails (in CI a check
 * whose tool is missing fails, so going on would only fail later, or, before, skip), and
 * {@code .ci/install-browser} fails when it cannot provide Chromium. Each script runs for real, with the programs it
 * calls replaced by stand-ins in a folder of the test's own.
 */
class CiScriptsIT {

    private static final Path PROJECT =
            Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

    @TempDir
    Path work;

    private record Run(int exitCode, String output) {}

    /** A stand-in executable {@code name} in {@code dir} that runs {@code body} (bash). */
    private static void standIn(Path dir, String name, String body) throws IOException {
        Path file = Files.createDirectories(dir).resolve(name);
        Files.writeString(file, "#!/bin/bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Run bash(Path script, Path cwd, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", script.toString())
                .directory(cwd.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        return new Run(p.exitValue(), out);
    }

    /** A copy of the project's {@code .ci/run} with stand-ins for install-tools, check-site and mvn. */
    private Run ciRun(String installTools) throws Exception {
        Path project = work.resolve("project");
        Path ci = Files.createDirectories(project.resolve(".ci"));
        Files.copy(PROJECT.resolve(".ci/run"), ci.resolve("run"));
        standIn(ci, "install-tools", installTools);
        standIn(ci, "check-site", "echo check-site >> \"" + work.resolve("calls") + "\"");
        Path bin = work.resolve("bin");
        standIn(bin, "mvn", "echo \"mvn $*\" >> \"" + work.resolve("calls") + "\"");
        return bash(
                ci.resolve("run"),
                project,
                Map.of("PATH", bin + ":/usr/bin:/bin", "CI", "true", "HOME", work.toString()));
    }

    private List<String> calls() throws IOException {
        Path calls = work.resolve("calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    @Test
    void ciRunStopsWhenTheToolsCannotBeInstalled() throws Exception {
        Run run = ciRun("echo 'install-tools: could not install: chromium' >&2; exit 1");
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("install-tools: could not install: chromium"), run.output());
        assertEquals(List.of(), calls(), "no build ran");
    }

    /** README's commands for a fresh clone: its indented code lines in batch mode ({@code mvn -B ...}), in order. */
    static List<String> readmeBatchCommands() throws IOException {
        return Files.readAllLines(PROJECT.resolve("README.md")).stream()
                .filter(l -> l.startsWith("    mvn -B "))
                .map(String::trim)
                .toList();
    }

    @Test
    void ciRunBuildsOnceTheToolsAreInstalled() throws Exception {
        Run run = ciRun("exit 0");
        assertEquals(0, run.exitCode(), run.output());
        List<String> calls = calls();
        assertEquals(
                readmeBatchCommands(),
                calls.subList(0, calls.size() - 1),
                "README's batch commands, as README writes them, in its order");
        assertEquals("check-site", calls.get(calls.size() - 1), calls::toString);
    }

    @Test
    void ciRunRunsExactlyReadmesCommandsAndReadmeNamesEveryOne() throws IOException {
        List<String> readme = readmeBatchCommands();
        // the quickstart, the tests, the install and the site
        assertEquals(4, readme.size(), readme::toString);
        assertTrue(readme.contains("mvn -B -ntp verify"), "the test command: " + readme);
        assertTrue(readme.stream().anyMatch(c -> c.contains(" install ")), "the install: " + readme);
        assertTrue(readme.stream().anyMatch(c -> c.endsWith(" site site:stage")), "the site: " + readme);
        List<String> ci = Files.readAllLines(PROJECT.resolve(".ci/run")).stream()
                .map(String::trim)
                .filter(l -> l.matches("mvn( .*)?"))
                .toList();
        assertEquals(readme, ci, "every mvn command of .ci/run is README's, and the other way round");
        String text = Files.readString(PROJECT.resolve("README.md"));
        for (String c : ci) {
            assertTrue(text.contains("\n    " + c + "\n"), c + " stands in README as a command of its own");
        }
    }

    @Test
    void installBrowserFailsNamingThePackagesWhenItCannotInstallThem() throws Exception {
        // not root, no chromium on the PATH: nothing can be installed
        Path bin = work.resolve("bin");
        standIn(bin, "id", "echo 1000");
        Run run = bash(PROJECT.resolve(".ci/install-browser"), work, Map.of("PATH", bin.toString()));
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("apt-get install chromium chromium-driver"), run.output());

        standIn(bin, "chromium", "exit 0");
        standIn(bin, "chromedriver", "exit 0");
        Run present = bash(PROJECT.resolve(".ci/install-browser"), work, Map.of("PATH", bin.toString()));
        assertEquals(0, present.exitCode(), present.output());
        assertFalse(present.output().contains("installing"), present.output());
    }
}
