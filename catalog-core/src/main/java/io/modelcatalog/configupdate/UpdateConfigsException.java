package io.modelcatalog.configupdate;

import java.nio.file.Path;

/**
 * The update cannot run with these files (as opposed to a file that cannot be edited, a
 * {@link io.modelcatalog.configediting.ConfigEditException}, or a catalog that cannot give what is asked, a
 * {@link io.modelcatalog.toolconfigs.CatalogSelectionException}). Carries what went wrong as data; the message says
 * what to do in plain words. Nothing was written.
 */
public class UpdateConfigsException extends RuntimeException {

    /** What went wrong. */
    public enum Reason {
        /** A path where a config file is expected is a folder (or another non-file). */
        NOT_A_FILE,
        /** Another process kept a config file locked for too long. */
        LOCKED,
        /** A config file that has no write permission for its owner (made read-only on purpose). */
        READ_ONLY,
        /** A config file's folder does not take new files (permissions, a read-only file system). */
        NOT_WRITABLE
    }

    private final Reason reason;
    private final Path path;

    public UpdateConfigsException(Reason reason, Path path, String message) {
        super(message);
        this.reason = reason;
        this.path = path;
    }

    public Reason reason() {
        return reason;
    }

    /** The file or folder concerned. */
    public Path path() {
        return path;
    }
}
