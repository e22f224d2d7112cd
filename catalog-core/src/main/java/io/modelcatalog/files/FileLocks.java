package io.modelcatalog.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * An exclusive lock on a lock file, across processes and across the threads of one JVM, without the two traps of
 * POSIX record locks ({@code fcntl}), which the JVM's file locks are on Linux:
 *
 * <ul>
 *   <li>they belong to a process, not a thread, and a blocking lock request reports a deadlock (EDEADLK, "Resource
 *       deadlock avoided") when a thread of each of two processes holds one lock and another thread waits for the
 *       other process's, although different threads hold and wait. So the lock is only ever polled with
 *       {@code tryLock}, which never reports one;
 *   <li>closing any channel of a file releases the process's lock on it, even one taken through another channel.
 *       So within a JVM, threads first take a monitor on the lock file's interned path (the JVM has one string pool
 *       for all class loaders, so two copies of this library in one build meet on it too; no static field is
 *       involved), and only the monitor's holder opens a channel.
 * </ul>
 */
public final class FileLocks {

    /** Work done while holding a lock. */
    public interface Locked<T> {
        T run() throws IOException;
    }

    /** The first and the longest pause between two attempts to take the lock from another process. */
    private static final long FIRST_PAUSE_MILLIS = 1;

    private static final long LONGEST_PAUSE_MILLIS = 10;

    private FileLocks() {}

    /**
     * Runs {@code work} holding the exclusive lock of {@code lockFile} (created when missing, with its folder).
     *
     * @throws IOException when another process held the lock for longer than {@code timeout}, or the lock file
     *     cannot be opened; or what {@code work} throws
     */
    public static <T> T withLock(Path lockFile, Duration timeout, Locked<T> work) throws IOException {
        Path file = lockFile.toAbsolutePath().normalize();
        Files.createDirectories(file.getParent());
        // the interned path is the JVM-wide monitor for this lock file (see the class comment)
        synchronized (file.toString().intern()) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = acquire(channel, file, timeout);
                try {
                    return work.run();
                } finally {
                    lock.release();
                }
            }
        }
    }

    private static FileLock acquire(FileChannel channel, Path file, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // only if code outside this class locks the same file in this JVM
            }
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(file + ": another process kept it locked for more than " + timeout.toSeconds()
                        + " s; try again when that build has finished");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the lock " + file, e);
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
        }
    }
}
