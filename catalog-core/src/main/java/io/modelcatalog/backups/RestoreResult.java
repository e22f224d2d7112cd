package io.modelcatalog.backups;

import java.nio.file.Path;
import java.util.List;

/**
 * What a restore did: the backup it restored, the backup of the state before (null when every file already was as
 * the backup holds it, so nothing was changed), each file's outcome in the backup's order, and when the latest
 * backup was asked for, the newer folders passed over: those named like a backup without a readable manifest, and
 * the ids later than the clock's time.
 */
public record RestoreResult(
        Backup restored,
        Backup previousState,
        List<RestoredFile> files,
        List<UnreadableBackup> unreadableNewer,
        List<String> futureIds) {

    public RestoreResult {
        files = List.copyOf(files);
        unreadableNewer = List.copyOf(unreadableNewer);
        futureIds = List.copyOf(futureIds);
    }

    /** What happened to one file. */
    public enum Action {
        /** Content and mode written back. */
        RESTORED,
        /** Deleted: the file did not exist when the backup was made. */
        DELETED,
        /** Already had the backup's content and mode, or was already absent. */
        UNCHANGED
    }

    /** One file's outcome, with the mode it has now (null when absent or without POSIX modes). */
    public record RestoredFile(Path path, Action action, String mode) {}

    /** Whether any file was written or deleted. */
    public boolean changedAnything() {
        return files.stream().anyMatch(f -> f.action() != Action.UNCHANGED);
    }
}
