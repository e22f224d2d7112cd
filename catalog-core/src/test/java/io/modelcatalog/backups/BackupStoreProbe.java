package io.modelcatalog.backups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes backups from a process of its own, for {@link BackupStoreTest}'s two processes at once: arguments are the
 * backup directory, the fixed instant, how many backups, and the files.
 */
public final class BackupStoreProbe {

    private BackupStoreProbe() {}

    public static void main(String[] args) throws Exception {
        BackupStore store = BackupStoreTest.store(Path.of(args[0]), Instant.parse(args[1]));
        List<Path> files = Arrays.stream(args).skip(3).map(Path::of).toList();
        for (int i = 0; i < Integer.parseInt(args[2]); i++) {
            store.create(files);
        }
    }

    static Process start(Path directory, Instant now, int count, Path... files) throws IOException, URISyntaxException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path")
                        + File.pathSeparator
                        + location(BackupStore.class)
                        + File.pathSeparator
                        + location(BackupStoreProbe.class),
                BackupStoreProbe.class.getName(),
                directory.toString(),
                now.toString(),
                String.valueOf(count)));
        Arrays.stream(files).map(Path::toString).forEach(command::add);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    static void awaitSuccess(Process p) throws IOException, InterruptedException {
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe finished");
        assertEquals(0, p.exitValue(), output);
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }
}
