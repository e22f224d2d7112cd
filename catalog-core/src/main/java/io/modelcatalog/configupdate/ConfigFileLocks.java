package io.modelcatalog.configupdate;

import io.modelcatalog.files.FileLocks;
import io.modelcatalog.files.FileSetLocks;
import io.modelcatalog.files.RealFiles;
import io.modelcatalog.files.Sha256;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Holds the read-modify-write of user config files exclusive, across processes and across the threads of one
 * JVM. One lock file per config file, {@code <lock folder>/<sha256 of its real path>.lock}, so two builds
 * with different settings still meet on the same file; several files are locked in path order, so two runs
 * never wait on each other crosswise.
 *
 * <p>Within a JVM, a file lock cannot serve: the JVM holds it for all its threads, and on Linux closing any
 * channel to the lock file releases the process's lock held through another channel. So threads first take a
 * monitor on the interned lock file path (the JVM's one string pool is shared by every class loader, so two
 * copies of this plugin in one build meet on it too: no static field is involved), and only the monitor's
 * holder opens the lock file and takes the process lock, polling with {@code tryLock} (which, unlike a
 * blocking lock, never reports a false deadlock between processes).
 */
public final class ConfigFileLocks implements FileSetLocks {

    private static final long POLL_MILLIS = 50;

    private final Path directory;
    private final long timeoutMillis;

    /** Locks in {@code directory}, waiting at most {@code timeoutMillis} for another run's lock. */
    public ConfigFileLocks(Path directory, long timeoutMillis) {
        this.directory = directory.toAbsolutePath();
        this.timeoutMillis = timeoutMillis;
    }

    /** Runs {@code work} holding the locks of every file. */
    @Override
    public <T> T withLocks(List<Path> files, FileLocks.Locked<T> work) throws IOException {
        Files.createDirectories(directory);
        TreeSet<String> names = new TreeSet<>();
        for (Path f : files) {
            names.add(lockName(f));
        }
        return lockAll(new ArrayList<>(names), 0, files, work);
    }

    private <T> T lockAll(List<String> names, int i, List<Path> files, FileLocks.Locked<T> work) throws IOException {
        if (i == names.size()) {
            return work.run();
        }
        Path lockFile = directory.resolve(names.get(i));
        // the interned string is the JVM-wide monitor for this lock file (see the class comment)
        synchronized (lockFile.toString().intern()) {
            try (FileChannel channel =
                    FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = acquire(channel, lockFile, files);
                try {
                    return lockAll(names, i + 1, files, work);
                } finally {
                    lock.release();
                }
            }
        }
    }

    private FileLock acquire(FileChannel channel, Path lockFile, List<Path> files) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // cannot happen under the monitor, unless another code path locks the same file
            }
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() > deadline) {
                throw new UpdateConfigsException(
                        UpdateConfigsException.Reason.LOCKED,
                        lockFile,
                        "another run kept " + files + " locked for more than " + timeoutMillis / 1000 + " s (lock file "
                                + lockFile + "); try again when it has finished");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + lockFile, e);
            }
        }
    }

    /**
     * The lock file's name for a config file: the SHA-256 of its real path, so that a file reached through a link
     * and through its target (or through two links) is one lock.
     */
    static String lockName(Path file) throws IOException {
        return Sha256.of(RealFiles.of(file).toString()) + ".lock";
    }
}
