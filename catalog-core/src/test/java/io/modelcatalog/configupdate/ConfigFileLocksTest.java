package io.modelcatalog.configupdate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Locking thousands of config files (every codex profile of a catalog) takes no stack depth per file: it used to
 * recurse once per file and end in a StackOverflowError at a few thousand.
 */
class ConfigFileLocksTest {

    /** A stack far too small for one frame per file of {@link #FILES}. */
    private static final long SMALL_STACK_BYTES = 256 * 1024;

    private static final int FILES = 10_000;

    @TempDir
    Path home;

    @Test
    void tenThousandFilesAreLockedOnASmallStackAndAllReleased() throws Exception {
        ConfigFileLocks locks = new ConfigFileLocks(home.resolve("locks"), 30_000);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            files.add(home.resolve(".codex/profile-" + i + ".config.toml"));
        }
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread small = new Thread(
                null,
                () -> {
                    try {
                        outcome.set(locks.withLocks(files, () -> "ran"));
                    } catch (Throwable t) {
                        outcome.set(t);
                    }
                },
                "small-stack",
                SMALL_STACK_BYTES);
        small.start();
        small.join(120_000);

        assertEquals("ran", outcome.get());
        try (var lockFiles = Files.list(home.resolve("locks"))) {
            assertEquals(FILES, lockFiles.count(), "one lock file per config file");
        }
        // every lock was released: another run takes them all at once
        assertEquals("again", locks.withLocks(files, () -> "again"));
    }

    @Test
    void aRunOverThousandsOfFilesHoldsEachOfThemUntilItsWorkIsDone() throws Exception {
        ConfigFileLocks locks = new ConfigFileLocks(home.resolve("locks"), 30_000);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            files.add(home.resolve(".codex/profile-" + i + ".config.toml"));
        }
        Path last = files.get(files.size() - 1);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Object> big = CompletableFuture.supplyAsync(() -> {
            try {
                return locks.withLocks(files, () -> {
                    holding.countDown();
                    try {
                        finish.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            assertTrue(holding.await(60, TimeUnit.SECONDS));
            CompletableFuture<String> one = CompletableFuture.supplyAsync(() -> {
                try {
                    return locks.withLocks(List.of(last), () -> "after");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertFalse(one.isDone(), "a run on one of the files waits for the run holding it");
            finish.countDown();
            big.get(60, TimeUnit.SECONDS);
            assertEquals("after", one.get(60, TimeUnit.SECONDS));
        } finally {
            finish.countDown();
        }
    }
}
