package io.modelcatalog.backups;

import java.nio.file.Path;

/**
 * A folder in the backup directory that is named like a backup but has no readable manifest: a backup still being
 * written by another run, one whose run was killed, or a damaged one. Listed so it can be reported; never pruned.
 */
public record UnreadableBackup(String id, Path folder, String problem) {}
