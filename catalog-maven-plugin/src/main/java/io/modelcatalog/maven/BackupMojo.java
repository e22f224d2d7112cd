package io.modelcatalog.maven;

import io.modelcatalog.backups.Backup;
import io.modelcatalog.backups.BackupStore;
import io.modelcatalog.files.FileErrors;
import io.modelcatalog.tools.Tool;
import io.modelcatalog.tools.UserConfigLocations;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Backs up the user's own config of each selected tool into a new folder of {@code catalog.backupDirectory}
 * (default <code>~/.cache/model-catalog/backups/{id}/</code>), with a {@code manifest.json} that records for each file
 * its original path, sha256 and POSIX mode, or that it did not exist. The files: aichat's {@code config.yaml},
 * mods' {@code mods.yml}, opencode's {@code opencode.json}, and codex's {@code config.toml} with the profile files
 * this plugin manages in the codex home (those its manifest {@code .model-catalog-profiles.json} lists, and that
 * manifest). Each tool's file is where <code>catalog.{tool}.config</code> says, else where the tool itself looks.
 *
 * <p>The id is the UTC time ({@code 20250614T093012Z-001}); ids sort by time and stay unique for backups made in
 * the same second, also by two builds at once. Folders and files are owner-only (0700, 0600): configs may hold
 * keys. After the backup, the oldest backups beyond {@code catalog.backupKeep} (default 10) are removed. The
 * {@code restore} goal puts a backup back. Runs without a POM.
 */
@Mojo(name = "backup", requiresProject = false, threadSafe = true)
public class BackupMojo extends AbstractUserConfigMojo {

    /**
     * Comma list of tools whose configs are backed up: {@code aichat}, {@code codex}, {@code mods}, {@code opencode}; all when empty.
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
    @Parameter(property = "catalog.backup.skip", defaultValue = "false")
    private boolean backupSkip;

    @Override
    protected String goalName() {
        return "backup";
    }

    @Override
    protected boolean goalSkipped() {
        return backupSkip;
    }

    @Override
    protected void run() throws MojoExecutionException {
        Set<Tool> selected = parseTools(tools);
        UserConfigLocations locations = locations();
        BackupStore store = backupStore();
        Map<Path, Tool> files = new LinkedHashMap<>();
        Map<Path, String> foundBy = new LinkedHashMap<>();
        for (Tool tool : selected) {
            UserConfigLocations.Location main = locations.locate(tool);
            foundBy.put(main.file(), foundBy(tool, main));
            try {
                locations.filesOf(tool).forEach(f -> files.putIfAbsent(f, tool));
            } catch (IOException e) {
                throw new MojoExecutionException(
                        "Cannot tell which codex profile files to back up: " + e.getMessage()
                                + " (nothing was backed up)",
                        e);
            }
        }
        Backup backup;
        List<Backup> removed;
        try {
            backup = store.create(new ArrayList<>(files.keySet()));
            removed = store.prune(backupKeep);
            warnUnreadable(store);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Backing up into " + store.directory() + " failed: " + FileErrors.explain(e), e);
        }
        BackupLog.created(backup, selected, files, foundBy, getLog());
        BackupLog.pruned(removed, backupKeep, getLog());
        getLog().info("To put these files back: the restore goal (the latest backup), or with -Dcatalog.backupId="
                + backup.id());
    }
}
