package io.modelcatalog.backups;

import java.nio.file.Path;

/**
 * One file of a backup: its original absolute path and, unless it was {@code absent} when the backup was made, the
 * sha256 (lower-case hex) and POSIX mode (such as {@code rw-r--r--}) it had, and the name of its copy in the backup's
 * folder. {@code sha256}, {@code mode} and {@code storedName} are null when {@code absent} is true; {@code mode} is
 * also null for a file on a file system without POSIX modes.
 */
public record BackupEntry(Path original, boolean absent, String sha256, String mode, String storedName) {}
