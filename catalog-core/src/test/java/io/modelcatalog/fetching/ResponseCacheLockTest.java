package io.modelcatalog.fetching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two builds sharing one cache folder, each with two threads. File locks belong to a whole process,
 * and Linux reports a deadlock (EDEADLK, "Resource deadlock avoided") when a thread of each process holds one
 * provider's lock and another waits for the other process's: a false one, since different threads hold and wait.
 * Each of the two {@link ResponseCacheLockProbe} processes writes and reads two providers' entries in opposite
 * orders from two threads, many times over; before the fix, one of them failed on every run of this test.
 */
class ResponseCacheLockTest {

    private static final int ROUNDS = 300;

    @TempDir
    Path cache;

    @Test
    void twoProcessesWithTwoThreadsEachShareACacheWithoutAFalseDeadlock() throws Exception {
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            processes.add(new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xshare:auto",
                            "-XX:TieredStopAtLevel=1",
                            "-cp",
                            System.getProperty("java.class.path"),
                            ResponseCacheLockProbe.class.getName(),
                            cache.toString(),
                            Integer.toString(ROUNDS))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start());
        }
        List<String> outputs = new ArrayList<>();
        for (Process p : processes) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe finished");
            outputs.add(p.exitValue() + ": " + out.strip());
        }
        List<String> expected = new ArrayList<>(List.of("0: ok", "0: ok"));
        assertEquals(expected, outputs);
    }
}
