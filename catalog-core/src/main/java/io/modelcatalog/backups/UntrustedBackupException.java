package io.modelcatalog.backups;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A backup that restore refuses before it reads a copy or touches a file: its folder or manifest belongs to another
 * user or may be written by others (anyone who can write it can make restore write what they like), or its manifest
 * names a file that is none of the selected tools' configs as they are located today (a planted manifest naming
 * {@code ~/.bashrc}, or a path with {@code ..}).
 */
public final class UntrustedBackupException extends IOException {

    /** Why the backup is refused. */
    public enum Reason {
        /** The backup directory, the backup's folder or its manifest belongs to another user. */
        NOT_OWNED,
        /** The backup directory, the backup's folder or its manifest may be written by other users. */
        WRITABLE_BY_OTHERS,
        /** The manifest is a link, or the backup's folder is. */
        LINK,
        /** The manifest names a file that is not a config file of the tools as located today. */
        FOREIGN_PATH
    }

    private final String backupId;
    private final Path path;
    private final Reason reason;

    public UntrustedBackupException(String backupId, Path path, Reason reason, String message) {
        super(message);
        this.backupId = backupId;
        this.path = path;
        this.reason = reason;
    }

    public String backupId() {
        return backupId;
    }

    /** The folder or file that is refused, or the path the manifest names. */
    public Path path() {
        return path;
    }

    public Reason reason() {
        return reason;
    }
}
