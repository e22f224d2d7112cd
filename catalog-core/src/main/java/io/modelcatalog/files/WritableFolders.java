package io.modelcatalog.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes sure a run can write into a folder before it starts: the folder is created when missing, and a probe file
 * is created and removed in it. A regular file where the folder (or one above it) belongs, a folder this user may
 * not write and a read-only file system are each reported as what they are ({@link UnwritableFolderException}),
 * not as the path of the first temporary file that failed.
 */
public final class WritableFolders {

    private WritableFolders() {}

    /**
     * Creates {@code folder} when missing and checks that files can be created in it.
     *
     * @throws UnwritableFolderException naming the condition and the remedy
     * @throws IOException               for other errors
     */
    public static void prepare(Path folder) throws IOException {
        Path dir = folder.toAbsolutePath();
        Optional<Path> file = FileErrors.regularFileOnPath(dir);
        if (file.isPresent()) {
            throw notAFolder(folder, file.get(), null);
        }
        try {
            Files.createDirectories(dir);
        } catch (FileSystemException e) {
            throw classify(folder, e);
        }
        // the probe has the shape of AtomicFiles' temporary files: a killed run's probe is removed as a leftover
        Path probe = dir.resolve(
                AtomicFiles.tempName("write-check", ThreadLocalRandom.current().nextLong()));
        try {
            Files.newByteChannel(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                    .close();
        } catch (FileSystemException e) {
            throw classify(folder, e);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /**
     * Like {@link #prepare}, and says which folders it created, so that a run refused before it wrote anything can
     * leave the disk as it found it ({@link Created#removeIfEmpty}).
     */
    public static Created prepareTracked(Path folder) throws IOException {
        Path dir = folder.toAbsolutePath().normalize();
        Path existing = nearestFolder(dir);
        prepare(dir);
        return new Created(dir, existing.equals(dir) ? null : existing);
    }

    /**
     * The folders that {@link #prepareTracked} created: {@code folder} and its parents up to (not including)
     * {@code existingAncestor}; none when {@code existingAncestor} is null (the folder was there).
     */
    public record Created(Path folder, Path existingAncestor) {

        /** Removes the created folders that are still empty, innermost first; a folder something was put in stays. */
        public void removeIfEmpty() {
            if (existingAncestor == null) {
                return;
            }
            for (Path p = folder; p != null && !p.equals(existingAncestor); p = p.getParent()) {
                try {
                    Files.delete(p);
                } catch (IOException notEmptyOrGone) {
                    return;
                }
            }
        }
    }

    private static IOException classify(Path folder, FileSystemException e) {
        Optional<Path> file = FileErrors.regularFileOnPath(Path.of(e.getFile()));
        if (file.isPresent()) {
            return notAFolder(folder, file.get(), e);
        }
        Path culprit = Files.isDirectory(Path.of(e.getFile())) ? Path.of(e.getFile()) : nearestFolder(folder);
        String described = FileErrors.describe(e);
        // EPERM ("Operation not permitted") is what some file systems (sysfs, fuse) answer for the same refusal
        if (e instanceof AccessDeniedException
                || described.contains(": " + FileErrors.PERMISSION_DENIED)
                || described.endsWith(": Operation not permitted")) {
            return new UnwritableFolderException(
                    folder,
                    culprit,
                    UnwritableFolderException.Reason.PERMISSION_DENIED,
                    ": " + FileErrors.PERMISSION_DENIED + " (this user cannot create files in it)",
                    "give this user write permission on it (chmod u+w " + culprit + "), or choose another folder",
                    e);
        }
        if (described.contains(": " + FileErrors.READ_ONLY)) {
            return new UnwritableFolderException(
                    folder,
                    culprit,
                    UnwritableFolderException.Reason.READ_ONLY_FILE_SYSTEM,
                    " is on a " + FileErrors.READ_ONLY,
                    "choose a folder on a writable file system",
                    e);
        }
        return new UnwritableFolderException(
                folder,
                culprit,
                UnwritableFolderException.Reason.OTHER,
                ": cannot be written (" + described + ")",
                "choose another folder",
                e);
    }

    private static UnwritableFolderException notAFolder(Path folder, Path file, Throwable cause) {
        return new UnwritableFolderException(
                folder,
                file,
                UnwritableFolderException.Reason.NOT_A_FOLDER,
                " " + FileErrors.IS_A_FILE,
                "remove or rename that file, or choose another folder",
                cause);
    }

    /** The folder itself when it exists, else its nearest existing ancestor (where creating it failed). */
    private static Path nearestFolder(Path folder) {
        for (Path p = folder.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return folder;
    }
}
