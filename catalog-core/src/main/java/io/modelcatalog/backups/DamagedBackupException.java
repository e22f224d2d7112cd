package io.modelcatalog.backups;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A backup that cannot be trusted: a copy whose sha256 differs from the manifest's, a missing copy, or a manifest
 * that cannot be read. Raised before anything is restored.
 */
public final class DamagedBackupException extends IOException {

    private final String backupId;
    private final Path file;
    private final Path original;

    /**
     * @param file the damaged file in the backup (a copy, or the manifest)
     * @param original the user's file that copy stands for; null when the manifest itself is damaged
     */
    public DamagedBackupException(String backupId, Path file, Path original, String problem) {
        super("Backup " + backupId + " is damaged: " + file
                + (original == null ? "" : " (the copy of " + original + ")") + " " + problem
                + "; nothing was restored");
        this.backupId = backupId;
        this.file = file;
        this.original = original;
    }

    public String backupId() {
        return backupId;
    }

    /** The damaged file in the backup's folder. */
    public Path file() {
        return file;
    }

    /** The user's file whose copy is damaged; null when the manifest is. */
    public Path original() {
        return original;
    }
}
