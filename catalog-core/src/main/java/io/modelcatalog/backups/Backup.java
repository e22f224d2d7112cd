package io.modelcatalog.backups;

import java.nio.file.Path;
import java.util.List;

/**
 * One backup: its id (a UTC time such as {@code 20250614T093012Z-001}, which sorts by time), its folder
 * {@code <backup directory>/<id>/} and the files it holds, in the order they were given.
 */
public record Backup(String id, Path folder, List<BackupEntry> entries) {

    public Backup {
        entries = List.copyOf(entries);
    }
}
