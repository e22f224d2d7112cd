package io.modelcatalog.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The modes of written files under two umasks: a new file gets what the umask gives, a replaced file
 * keeps its mode, an exact mode is exact. The umask belongs to a process, so {@link AtomicFilesProbe} runs in a
 * JVM started by {@code sh} after {@code umask}.
 */
class AtomicFilesModeTest {

    /** Existing files the probe replaces, each named after the mode the test gives it first. */
    static final List<String> REPLACED = List.of(
            "replaced-rw-r--r--.txt", "replaced-rw-------.txt", "replaced-rw-r-----.txt", "replaced-rwxr-xr-x.txt");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"022", "077"})
    void newFilesFollowTheUmaskAndReplacedFilesKeepTheirMode(String umask) throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        for (String name : REPLACED) {
            Path file = dir.resolve(name);
            Files.writeString(file, "old\n");
            String mode = name.substring("replaced-".length(), "replaced-".length() + 9);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        }
        Files.writeString(dir.resolve("replaced-if-changed.txt"), "old\n");
        Files.setPosixFilePermissions(
                dir.resolve("replaced-if-changed.txt"), PosixFilePermissions.fromString("rw-rw-r--"));
        Path linked = dir.resolve("dotfiles/linked.txt");
        Files.createDirectories(linked.getParent());
        Files.writeString(linked, "old\n");
        Files.setPosixFilePermissions(linked, PosixFilePermissions.fromString("rw-r-----"));
        Files.createSymbolicLink(dir.resolve("link.txt"), Path.of("dotfiles/linked.txt"));
        Files.writeString(dir.resolve("replaced-exact.txt"), "old\n");
        Files.setPosixFilePermissions(dir.resolve("replaced-exact.txt"), PosixFilePermissions.fromString("rw-rw-rw-"));

        runProbe(umask);

        String umaskMode = umask.equals("022") ? "rw-r--r--" : "rw-------";
        Map<String, String> expected = new TreeMap<>();
        expected.put("new.txt", umaskMode);
        expected.put("sub/new-if-changed.txt", umaskMode);
        for (String name : REPLACED) {
            expected.put(name, name.substring("replaced-".length(), "replaced-".length() + 9));
        }
        expected.put("replaced-if-changed.txt", "rw-rw-r--");
        expected.put("dotfiles/linked.txt", "rw-r-----");
        expected.put("exact-600.txt", "rw-------");
        expected.put("exact-644.txt", "rw-r--r--");
        expected.put("replaced-exact.txt", "rw-r-----");
        Map<String, String> actual = new TreeMap<>();
        for (String name : expected.keySet()) {
            Path file = dir.resolve(name);
            assertEquals("written\n", Files.readString(file, StandardCharsets.UTF_8), name);
            actual.put(name, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        assertEquals(expected, actual, "umask " + umask);
        assertTrue(Files.isSymbolicLink(dir.resolve("link.txt")), "the link was written through, not replaced");
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(
                    List.of(),
                    files.filter(f -> AtomicFiles.isLeftoverName(f.getFileName().toString()))
                            .toList(),
                    "no temporary file left");
        }
    }

    private void runProbe(String umask) throws IOException, InterruptedException, URISyntaxException {
        String classpath = location(AtomicFiles.class) + File.pathSeparator + location(AtomicFilesProbe.class);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        "sh",
                        "-c",
                        "umask " + umask + " && exec \"$0\" -Xshare:auto -XX:TieredStopAtLevel=1 -cp \"$1\" "
                                + AtomicFilesProbe.class.getName() + " \"$2\"",
                        java,
                        classpath,
                        dir.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "probe finished");
        assertEquals(0, process.exitValue(), output);
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }
}
