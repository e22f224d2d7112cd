package io.modelcatalog.maven;

import io.modelcatalog.backups.Backup;
import io.modelcatalog.backups.BackupNotFoundException;
import io.modelcatalog.backups.BackupStore;
import io.modelcatalog.backups.DamagedBackupException;
import io.modelcatalog.backups.RestoreResult;
import io.modelcatalog.backups.UnreadableBackup;
import io.modelcatalog.backups.UntrustedBackupException;
import io.modelcatalog.configupdate.UpdateConfigsException;
import io.modelcatalog.files.FileErrors;
import io.modelcatalog.tools.Tool;
import io.modelcatalog.tools.UserConfigLocations;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Puts a backup made by the {@code backup} goal (or by {@code update-configs} before it changed a file) back: the
 * latest one, or {@code catalog.backupId}. Every copy is checked against its sha256 first; a damaged backup restores
 * nothing and the build fails naming the file. Then the current state of the files is backed up (so a restore can
 * be undone by restoring that backup), each file gets back its bytes and POSIX mode, and files that did not exist at
 * backup time are deleted. Files that already match are not touched.
 *
 * <p>With {@code catalog.tools} set, only the backup's files of those tools (as located now) are restored; without
 * it, every file of the backup. A backup is refused before anything is read from it when its folder or manifest is
 * another user's or writable by others, or when its manifest names a file that is no tool's config as located now
 * ({@code catalog.aichat.config} and the others, or each tool's own lookup). The latest backup is the newest whose
 * id is not in the future; a newer damaged one is passed over with a warning naming the one restored. The files are
 * locked as update-configs locks them, so the two never interleave. An unknown {@code catalog.backupId} fails
 * listing the available backups. Runs without a POM.
 */
@Mojo(name = "restore", requiresProject = false, threadSafe = true)
public class RestoreMojo extends AbstractUserConfigMojo {

    /**
     * The backup to restore (a folder name in {@code catalog.backupDirectory}, such as {@code 20250614T093012Z-001}); the latest when empty.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.backupId")
    private String backupId;

    /**
     * Comma list of tools whose files are restored: {@code aichat}, {@code codex}, {@code mods}, {@code opencode}; every file of the backup when empty.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.tools")
    private String tools;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.restore.skip", defaultValue = "false")
    private boolean restoreSkip;

    @Override
    protected String goalName() {
        return "restore";
    }

    @Override
    protected boolean goalSkipped() {
        return restoreSkip;
    }

    @Override
    protected void run() throws MojoExecutionException {
        BackupStore store = backupStore();
        String id = backupId == null || backupId.isBlank() ? null : backupId.trim();
        Predicate<Path> include = path -> true;
        Set<Tool> selected = null;
        UserConfigLocations locations = locations();
        if (tools != null && !tools.isBlank()) {
            Set<Tool> chosen = parseTools(tools);
            include = path -> chosen.stream().anyMatch(t -> locations.belongsTo(t, path));
            selected = chosen;
        }
        RestoreResult result;
        try {
            warnUnreadable(store);
            result = store.restore(id, locations::isConfigFile, include, configLocks());
        } catch (BackupNotFoundException e) {
            // no cause: Maven would append the core's own listing of the backups to this one
            throw new MojoExecutionException(BackupLog.notFound(store, e));
        } catch (DamagedBackupException e) {
            throw new MojoExecutionException(
                    e.getMessage() + ". Restore another backup with -Dcatalog.backupId=<id>"
                            + BackupLog.others(store, e.backupId()),
                    e);
        } catch (UntrustedBackupException e) {
            String settings = e.reason() == UntrustedBackupException.Reason.FOREIGN_PATH
                    ? " (the settings: catalog.aichat.config, catalog.mods.config, catalog.codex.home,"
                            + " catalog.opencode.config)"
                    : " (catalog.backupDirectory)";
            throw new MojoExecutionException(e.getMessage() + settings, e);
        } catch (UpdateConfigsException e) {
            throw new MojoExecutionException(e.getMessage() + " (nothing was restored)", e);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Restoring from " + store.directory() + " failed: " + FileErrors.explain(e), e);
        }
        Backup restored = result.restored();
        for (UnreadableBackup u : result.unreadableNewer()) {
            getLog().warn("The newest backup " + u.id() + " is not usable (" + u.problem() + "): restored backup "
                    + restored.id() + " instead, the newest usable one");
        }
        if (!result.futureIds().isEmpty()) {
            getLog().warn("Backup(s) " + String.join(", ", result.futureIds()) + " are dated later than now, so none "
                    + "is taken as the latest: restored backup " + restored.id() + " instead (restore one of them "
                    + "with -Dcatalog.backupId=<id> if the clock was wrong when it was made)");
        }
        if (result.files().isEmpty()) {
            throw new MojoExecutionException("Backup " + restored.id() + " holds no file of "
                    + selected.stream().map(Tool::id).collect(Collectors.joining(", ")) + " (catalog.tools); "
                    + "it holds "
                    + restored.entries().stream()
                            .map(e -> e.original().toString())
                            .collect(Collectors.joining(", ")) + ". Nothing was restored");
        }
        if (!result.changedAnything()) {
            getLog().info("Every file already is as backup " + restored.id() + " holds it: nothing to restore");
            return;
        }
        BackupLog.restored(result, getLog());
        try {
            BackupLog.pruned(store.prune(backupKeep), backupKeep, getLog());
        } catch (IOException e) {
            getLog().warn("Removing old backups from " + store.directory() + " failed: " + e.getMessage());
        }
    }
}
