package io.modelcatalog.configupdate;

import io.modelcatalog.backups.Backup;
import io.modelcatalog.files.FileErrors;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An update that failed after it had written some files (a disk that filled up between the checks and the writes,
 * say): names the backup that holds every file as it was before the run, so the run can be undone.
 */
public final class UpdateStoppedException extends IOException {

    private final transient Backup backup;
    private final int written;
    private final int total;
    private final Path file;

    /**
     * @param file the file whose write failed; null when every file was written and what came after failed
     */
    UpdateStoppedException(Backup backup, int written, int total, Path file, IOException cause) {
        super(
                (file == null
                                ? "All " + total + " file(s) were written, then " + FileErrors.explain(cause)
                                : "Writing " + file + " failed (" + FileErrors.explain(cause) + ") after " + written
                                        + " of " + total + " file(s) were written")
                        + "; backup " + backup.id() + " holds them as they were before this run",
                cause);
        this.backup = backup;
        this.written = written;
        this.total = total;
        this.file = file;
    }

    /** The backup of every file as it was before the run. */
    public Backup backup() {
        return backup;
    }

    public int written() {
        return written;
    }

    public int total() {
        return total;
    }

    /** The file whose write failed; null when all were written. */
    public Path file() {
        return file;
    }
}
