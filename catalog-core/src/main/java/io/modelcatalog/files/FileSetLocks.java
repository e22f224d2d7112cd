package io.modelcatalog.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Holds a set of files exclusive while some work reads and writes them: what every goal that changes a user's
 * config takes, so that two of them (an update and a restore, say) never interleave on the same file.
 */
public interface FileSetLocks {

    /** Runs {@code work} holding the locks of every file. */
    <T> T withLocks(List<Path> files, FileLocks.Locked<T> work) throws IOException;
}
