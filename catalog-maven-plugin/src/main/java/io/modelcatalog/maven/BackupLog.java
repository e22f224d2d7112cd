package io.modelcatalog.maven;

import io.modelcatalog.backups.Backup;
import io.modelcatalog.backups.BackupEntry;
import io.modelcatalog.backups.BackupNotFoundException;
import io.modelcatalog.backups.BackupStore;
import io.modelcatalog.backups.RestoreResult;
import io.modelcatalog.tools.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.logging.Log;

/**
 * The backup and restore goals' log and messages: what a backup holds, what a restore did, old backups removed,
 * and which backups there are when the one asked for is not.
 */
final class BackupLog {

    private BackupLog() {}

    /**
     * A new backup: one line per file with its tool and how its path was found, its size, mode and checksum, or
     * that it did not exist.
     */
    static void created(Backup backup, Set<Tool> selected, Map<Path, Tool> tools, Map<Path, String> foundBy, Log log) {
        long present = backup.entries().stream().filter(e -> !e.absent()).count();
        log.info("Backed up " + present + " file(s) of "
                + selected.stream().map(Tool::id).collect(Collectors.joining(", ")) + " as backup "
                + backup.id() + " in " + backup.folder());
        int width = selected.stream().mapToInt(t -> t.id().length()).max().orElse(6);
        for (BackupEntry e : backup.entries()) {
            String tool =
                    String.format("%-" + width + "s", tools.get(e.original()).id());
            String source = foundBy.containsKey(e.original()) ? " [" + foundBy.get(e.original()) + "]" : "";
            if (e.absent()) {
                log.info("  " + tool + " " + e.original() + source
                        + ": does not exist (restoring this backup deletes a file created there)");
            } else {
                log.info("  " + tool + " " + e.original() + source + ": " + size(backup, e) + " bytes, "
                        + (e.mode() == null ? "" : e.mode() + ", ") + "sha256 "
                        + e.sha256().substring(0, 12));
            }
        }
        if (present == 0) {
            log.warn("None of the selected tools' config files exists: check the paths above, or set "
                    + "catalog.aichat.config, catalog.mods.config, catalog.codex.home, catalog.opencode.config");
        }
    }

    /** What a restore did to each file, and the backup that undoes it. */
    static void restored(RestoreResult result, Log log) {
        Backup restored = result.restored();
        log.info("Restored backup " + restored.id() + " from " + restored.folder());
        for (RestoreResult.RestoredFile f : result.files()) {
            switch (f.action()) {
                case RESTORED -> log.info("  restored  " + f.path() + (f.mode() == null ? "" : " (" + f.mode() + ")"));
                case DELETED -> log.info("  deleted   " + f.path() + " (it did not exist at backup time)");
                case UNCHANGED ->
                    log.info(
                            Files.exists(f.path(), LinkOption.NOFOLLOW_LINKS)
                                    ? "  unchanged " + f.path()
                                    : "  absent    " + f.path() + " (at backup time and now)");
            }
        }
        Backup previous = result.previousState();
        log.info("The files as they were before this restore are backup " + previous.id()
                + "; to undo this restore, run the restore goal with -Dcatalog.backupId=" + previous.id());
    }

    /** The old backups a new one pushed out. */
    static void pruned(List<Backup> removed, int keep, Log log) {
        if (!removed.isEmpty()) {
            log.info("Removed " + removed.size() + " old backup(s) beyond catalog.backupKeep=" + keep + ": "
                    + removed.stream().map(Backup::id).collect(Collectors.joining(", ")));
        }
    }

    /** The message for a backup that is not there: how to make one, or which ones there are. */
    static String notFound(BackupStore store, BackupNotFoundException e) {
        if (e.requestedId() == null) {
            return "There is no backup in " + store.directory() + " yet: make one with the backup goal, or point "
                    + "catalog.backupDirectory at the folder that holds them";
        }
        List<Backup> available;
        try {
            available = store.list();
        } catch (IOException ex) {
            available = List.of();
        }
        return "There is no backup '" + e.requestedId() + "' (catalog.backupId) in " + store.directory()
                + (available.isEmpty()
                        ? "; it holds none"
                        : ". Available, oldest first:\n" + describe(available)
                                + "\nRestore one with -Dcatalog.backupId=<id>, or leave catalog.backupId unset for the latest");
    }

    /** The other backups than a damaged one, as {@code " (available: a, b)"}, or nothing. */
    static String others(BackupStore store, String damaged) {
        try {
            List<String> ids = store.list().stream()
                    .map(Backup::id)
                    .filter(i -> !i.equals(damaged))
                    .toList();
            return ids.isEmpty() ? "" : " (available: " + String.join(", ", ids) + ")";
        } catch (IOException e) {
            return "";
        }
    }

    /** One line per backup, for messages that list them. */
    static String describe(List<Backup> backups) {
        return backups.stream()
                .map(b -> "  " + b.id() + " (" + b.entries().size() + " file(s): "
                        + b.entries().stream()
                                .map(e -> e.original().getFileName().toString())
                                .collect(Collectors.joining(", "))
                        + ")")
                .collect(Collectors.joining("\n"));
    }

    private static long size(Backup backup, BackupEntry e) {
        try {
            return Files.size(backup.folder().resolve(e.storedName()));
        } catch (IOException ex) {
            return -1;
        }
    }
}
