package io.modelcatalog.backups;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The backup asked for does not exist (or, when the latest was asked for, there is none); lists those there are. */
public final class BackupNotFoundException extends IOException {

    private final String requestedId;
    private final Path directory;
    private final List<String> available;

    public BackupNotFoundException(String requestedId, Path directory, List<String> available) {
        super(message(requestedId, directory, available));
        this.requestedId = requestedId;
        this.directory = directory;
        this.available = List.copyOf(available);
    }

    private static String message(String requestedId, Path directory, List<String> available) {
        String what = requestedId == null
                ? "There is no backup in " + directory
                : "There is no backup '" + requestedId + "' in " + directory;
        return what
                + (available.isEmpty()
                        ? " (it holds none)"
                        : "; available, oldest first: " + String.join(", ", available));
    }

    /** The id asked for; null when the latest backup was asked for. */
    public String requestedId() {
        return requestedId;
    }

    public Path directory() {
        return directory;
    }

    /** The ids of the readable backups, oldest first. */
    public List<String> available() {
        return available;
    }
}
