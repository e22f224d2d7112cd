package io.modelcatalog.configupdate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.backups.Backup;
import io.modelcatalog.backups.BackupStore;
import io.modelcatalog.backups.RestoreResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore racing an update: the update had read the file before the restore and wrote its merge of that state
 * back after it, so the restore was lost. A restore takes the same locks as update-configs, so it waits.
 */
class RestoreLocksTest {

    @TempDir
    Path home;

    @Test
    void aRestoreWaitsForAnUpdateHoldingTheFilesLock() throws Exception {
        Path aichat = home.resolve(".config/aichat/config.yaml");
        Files.createDirectories(aichat.getParent());
        Files.writeString(aichat, "clients: []\n");
        BackupStore store = new BackupStore(home.resolve(".cache/model-catalog/backups"), Clock.systemUTC());
        Backup backup = store.create(List.of(aichat));
        Files.writeString(aichat, "clients: [changed]\n");
        ConfigFileLocks locks = new ConfigFileLocks(home.resolve(".cache/model-catalog/locks"), 30_000);

        CountDownLatch updating = new CountDownLatch(1);
        CountDownLatch finishUpdate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // stands for an update between reading the file and writing its merge back
            Future<?> update = pool.submit(() -> locks.withLocks(List.of(aichat), () -> {
                updating.countDown();
                try {
                    finishUpdate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Files.writeString(aichat, "clients: [merged]\n");
                return null;
            }));
            assertTrue(updating.await(10, TimeUnit.SECONDS));
            Future<RestoreResult> restore =
                    pool.submit(() -> store.restore(backup.id(), aichat::equals, p -> true, locks));

            Thread.sleep(500);
            assertFalse(restore.isDone(), "the restore waits for the update's lock");
            assertEquals("clients: [changed]\n", Files.readString(aichat));

            finishUpdate.countDown();
            update.get(10, TimeUnit.SECONDS);
            RestoreResult r = restore.get(10, TimeUnit.SECONDS);

            assertEquals(RestoreResult.Action.RESTORED, r.files().get(0).action());
            assertArrayEquals("clients: []\n".getBytes(), Files.readAllBytes(aichat), "the restore came last");
            assertEquals(
                    "clients: [merged]\n",
                    Files.readString(r.previousState()
                            .folder()
                            .resolve(r.previousState().entries().get(0).storedName())),
                    "and backed up the update's result, not the state before it");
        } finally {
            finishUpdate.countDown();
            pool.shutdownNow();
        }
    }
}
