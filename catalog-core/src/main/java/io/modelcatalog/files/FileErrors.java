package io.modelcatalog.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Says what a file error is in words, and what to do about it: the JDK's exceptions often carry only the path (an
 * {@code AccessDeniedException}'s message is the bare path, {@code createDirectories} on a regular file throws one
 * whose message is the path), which tells a user nothing about the condition.
 */
public final class FileErrors {

    static final String IS_A_FILE = "is a regular file, not a folder";
    static final String PERMISSION_DENIED = "permission denied";
    static final String READ_ONLY = "read-only file system";

    private FileErrors() {}

    /**
     * {@code <path>: <condition>}, such as {@code /x/y: permission denied}; otherwise the exception's message. A
     * temporary file of {@link AtomicFiles} is named by its folder ({@code /x: permission denied (cannot create
     * files in it)}): the hidden name means nothing to a user.
     */
    public static String describe(IOException e) {
        if (e instanceof UnwritableFolderException u) {
            return u.description();
        }
        if (e instanceof FileSystemException f && f.getFile() != null) {
            Path path = Path.of(f.getFile());
            Optional<Path> file = regularFileOnPath(path);
            if (file.isPresent()
                    && (e instanceof FileAlreadyExistsException
                            || e instanceof NotDirectoryException
                            || "Not a directory".equals(f.getReason()))) {
                return file.get() + " " + IS_A_FILE;
            }
            String condition = f.getReason() != null
                    ? readable(f.getReason())
                    : e instanceof AccessDeniedException
                            ? PERMISSION_DENIED
                            : e instanceof NoSuchFileException
                                    ? "no such file or folder"
                                    : e instanceof FileAlreadyExistsException
                                            ? "already exists"
                                            : e instanceof NotDirectoryException
                                                    ? "not a folder"
                                                    : e instanceof DirectoryNotEmptyException
                                                            ? "folder not empty"
                                                            : e.getClass().getSimpleName();
            if (f.getOtherFile() == null
                    && path.getFileName() != null
                    && path.getParent() != null
                    && AtomicFiles.isLeftoverName(path.getFileName().toString())
                    && (condition.equals(PERMISSION_DENIED) || condition.equals(READ_ONLY))) {
                return path.getParent() + ": " + condition + " (cannot create files in it)";
            }
            return f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": " + condition;
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /**
     * What a user can do about the condition: for a permission problem, a read-only file system, a file where a
     * folder belongs, a full disk; empty when there is nothing general to say.
     */
    public static Optional<String> remedy(IOException e) {
        if (e instanceof UnwritableFolderException u) {
            return Optional.of(u.remedy());
        }
        String described = describe(e);
        if (described.endsWith(IS_A_FILE)) {
            return Optional.of("remove or rename that file, or choose another folder");
        }
        if (described.contains(": " + PERMISSION_DENIED) || described.endsWith(": Operation not permitted")) {
            return Optional.of("give this user write permission there (chmod u+w), or choose another folder");
        }
        if (described.contains(": " + READ_ONLY)) {
            return Optional.of("choose a folder on a writable file system");
        }
        if (described.toLowerCase(Locale.ROOT).contains("no space left")) {
            return Optional.of("free some disk space and run again");
        }
        return Optional.empty();
    }

    /** {@link #describe(IOException)} and, when there is one, {@link #remedy(IOException)}: {@code <what>; <remedy>}. */
    public static String explain(IOException e) {
        String described = describe(e);
        return remedy(e).map(r -> described + "; " + r).orElse(described);
    }

    /** The path itself or its nearest existing ancestor when that is a regular file (a folder is needed there). */
    static Optional<Path> regularFileOnPath(Path path) {
        for (Path p = path.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) || Files.exists(p)) {
                return Files.isDirectory(p) ? Optional.empty() : Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The OS's reason in the words used everywhere else ({@code Read-only file system} reads as one condition). */
    private static String readable(String reason) {
        return switch (reason) {
            case "Read-only file system" -> READ_ONLY;
            case "Permission denied" -> PERMISSION_DENIED;
            default -> reason;
        };
    }
}
