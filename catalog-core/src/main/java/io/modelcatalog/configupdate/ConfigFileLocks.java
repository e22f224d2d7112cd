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
import java.util.Map;
import java.util.TreeMap;

/**
 * Holds the read-modify-write of user config files exclusive, across processes and across the threads of one
 * JVM. One lock file per config file, {@code <lock folder>/<sha256 of its real path>.lock}, so two builds
 * with different settings still meet on the same file; several files are locked in path order, so two runs
 * never wait on each other crosswise. The files are locked in one loop and released in another, so a run over
 * thousands of files (every codex profile of a catalog) takes no stack depth per file.
 *
 * <p>Within a JVM, a file lock cannot serve: the JVM holds it for all its threads, and on Linux closing any
 * channel to the lock file releases the process's lock held through another channel. So threads first take a
 * monitor on the interned real path of the lock folder (the JVM's one string pool is shared by every class
 * loader, so two copies of this plugin in one build meet on it too: no static field is involved), and only the
 * monitor's holder opens lock files and takes the process locks, polling with {@code tryLock} (which, unlike a
 * blocking lock, never reports a false deadlock between processes). One monitor for the folder rather than one
 * per file, because a Java monitor is held by a block, and a block per file is a recursion per file: two runs of
 * one JVM (a parallel build) take turns even on different files, which costs only the time of the shorter run.
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
        TreeMap<String, Path> names = new TreeMap<>();
        for (Path f : files) {
            names.putIfAbsent(lockName(f), f);
        }
        Path realDirectory = RealFiles.of(directory);
        // the interned string is the JVM-wide monitor for this lock folder (see the class comment)
        synchronized (realDirectory.toString().intern()) {
            List<FileChannel> open = new ArrayList<>(names.size());
            List<FileLock> held = new ArrayList<>(names.size());
            try {
                for (Map.Entry<String, Path> name : names.entrySet()) {
                    Path lockFile = realDirectory.resolve(name.getKey());
                    FileChannel channel =
                            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    open.add(channel);
                    held.add(acquire(channel, lockFile, name.getValue()));
                }
                return work.run();
            } finally {
                release(held, open);
            }
        }
    }

    /** Releases every lock and closes every channel, in reverse order, even when one of them fails. */
    private static void release(List<FileLock> held, List<FileChannel> open) throws IOException {
        IOException failure = null;
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                if (i < held.size()) {
                    held.get(i).release();
                }
            } catch (IOException e) {
                failure = keep(failure, e);
            }
            try {
                open.get(i).close();
            } catch (IOException e) {
                failure = keep(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static IOException keep(IOException first, IOException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private FileLock acquire(FileChannel channel, Path lockFile, Path file) throws IOException {
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
                        "another run kept " + file + " locked for more than " + timeoutMillis / 1000 + " s (lock file "
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
