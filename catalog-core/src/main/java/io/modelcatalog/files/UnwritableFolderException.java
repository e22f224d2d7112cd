package io.modelcatalog.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A folder a run must write into that cannot be written, found before anything is written: which folder, what is
 * wrong ({@link #reason()}) and what to do. A caller adds the name of its own setting for the folder.
 */
public class UnwritableFolderException extends IOException {

    /** What is wrong with the folder. */
    public enum Reason {
        /** The folder, or a folder above it, is a regular file ({@link #culprit()}). */
        NOT_A_FOLDER,
        /** This user may not create files in it (or may not create it). */
        PERMISSION_DENIED,
        /** It is on a file system mounted read-only. */
        READ_ONLY_FILE_SYSTEM,
        /** Anything else; the message carries the system's words. */
        OTHER
    }

    private final Path folder;
    private final Path culprit;
    private final Reason reason;
    private final String description;
    private final String remedy;

    /** {@code condition} follows the path as it is: {@code " is a regular file, not a folder"}, {@code ": ..."}. */
    UnwritableFolderException(Path folder, Path culprit, Reason reason, String condition, String remedy, Throwable c) {
        super(culprit + condition + "; " + remedy, c);
        this.folder = folder;
        this.culprit = culprit;
        this.reason = reason;
        this.description = culprit + condition;
        this.remedy = remedy;
    }

    /** The folder that was to be written. */
    public Path folder() {
        return folder;
    }

    /** The path found wrong: the folder, or the regular file standing where a folder above it belongs. */
    public Path culprit() {
        return culprit;
    }

    public Reason reason() {
        return reason;
    }

    /** {@code <path> <condition>}, without the remedy. */
    String description() {
        return description;
    }

    /** What to do about it, in general words (no setting names). */
    public String remedy() {
        return remedy;
    }
}
