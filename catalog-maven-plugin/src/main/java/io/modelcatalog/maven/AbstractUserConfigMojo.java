package io.modelcatalog.maven;

import io.modelcatalog.backups.BackupStore;
import io.modelcatalog.backups.UnreadableBackup;
import io.modelcatalog.configupdate.ConfigFileLocks;
import io.modelcatalog.configupdate.ConfigUpdater;
import io.modelcatalog.tools.Tool;
import io.modelcatalog.tools.UserConfigLocations;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the goals that work on a user's own tool configs share: where each tool's config is (given, or found the
 * way the tool finds it) and the backup directory. They run without a POM, in the user's home.
 */
public abstract class AbstractUserConfigMojo extends AbstractCatalogMojo {

    /**
     * aichat's config file. Default: aichat's own lookup, {@code $AICHAT_CONFIG_FILE}, else
     * {@code $AICHAT_CONFIG_DIR/config.yaml}, else {@code ~/.config/aichat/config.yaml} (under
     * {@code $XDG_CONFIG_HOME} instead of {@code ~/.config} when that is set).
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.aichat.config")
    protected File aichatConfig;

    /**
     * mods' config file. Default: {@code ~/.config/mods/mods.yml} (or under {@code $XDG_CONFIG_HOME}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.mods.config")
    protected File modsConfig;

    /**
     * codex's home folder, which holds {@code config.toml} and the profile files. Default: {@code $CODEX_HOME},
     * else {@code ~/.codex}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.codex.home")
    protected File codexHome;

    /**
     * opencode's global config file. Default: {@code $OPENCODE_CONFIG}, else
     * {@code ~/.config/opencode/opencode.json}, else {@code opencode.jsonc} there when only that one exists.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.opencode.config")
    protected File opencodeConfig;

    /**
     * Where backups go, one folder per backup named by its UTC time ({@code 20250614T093012Z-001}) holding the
     * copies and {@code manifest.json}. Default: {@code backups} in the plugin's own folder,
     * {@code $XDG_CACHE_HOME/model-catalog/backups} when that variable is an absolute path, else
     * {@code ~/.cache/model-catalog/backups}; see <a href="../files.html">Files the plugin writes</a>.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.backupDirectory")
    protected File backupDirectory;

    /**
     * How many backups to keep: after a new one, the oldest beyond this number are removed (at least 1).
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.backupKeep", defaultValue = "10")
    protected int backupKeep = 10;

    /** The home folder the tools see, and the plugin's files follow: {@code $HOME} when absolute, else {@code user.home}. */
    protected Path home() {
        return folders().home();
    }

    /** Each tool's config as given by the parameters, or as the tool finds it. */
    protected UserConfigLocations locations() {
        return new UserConfigLocations(environment, home())
                .withGiven(Tool.AICHAT, given(aichatConfig))
                .withGiven(Tool.MODS, given(modsConfig))
                .withGiven(Tool.CODEX, given(codexHome))
                .withGiven(Tool.OPENCODE, given(opencodeConfig));
    }

    /** The backup store in {@code catalog.backupDirectory}. */
    protected BackupStore backupStore() throws MojoExecutionException {
        if (backupKeep < 1) {
            throw new MojoExecutionException(
                    "catalog.backupKeep is " + backupKeep + ": keep at least 1 backup (the default is 10)");
        }
        Path directory = backupDirectory == null ? folders().backups() : given(backupDirectory);
        return new BackupStore(directory, Clock.systemUTC());
    }

    /** Where the lock files of users' config files are: update-configs and restore take the same ones. */
    protected Path lockDirectory() {
        return folders().locks();
    }

    /** Where update-configs records what its last run found and left (beside the locks, never beside a config). */
    protected Path stateDirectory() {
        return folders().root();
    }

    /** The locks that keep update-configs and restore runs on the same config files apart. */
    protected ConfigFileLocks configLocks() {
        return new ConfigFileLocks(lockDirectory(), ConfigUpdater.LOCK_TIMEOUT_MILLIS);
    }

    /** The parameter that gives a tool's path: {@code catalog.<tool>.config}, or {@code .home} for a folder. */
    protected static String parameterOf(Tool tool) {
        return "catalog." + tool.id() + (tool.givenAsFolder() ? ".home" : ".config");
    }

    /** How a tool's config was found, in a user's words: the parameter, the variable, or the default. */
    protected static String foundBy(Tool tool, UserConfigLocations.Location location) {
        if (location.foundBy() instanceof UserConfigLocations.FoundBy.Variable v) {
            return "$" + v.name();
        }
        return location.foundBy() instanceof UserConfigLocations.FoundBy.Given ? parameterOf(tool) : "default";
    }

    /** Warns about folders in the backup directory that are named like backups but have no readable manifest. */
    protected void warnUnreadable(BackupStore store) throws IOException {
        for (UnreadableBackup u : store.unreadable()) {
            getLog().warn("Backup folder " + u.folder() + " is not a usable backup: " + u.problem()
                    + " (left alone; delete it when no run is writing it)");
        }
    }

    /** A path parameter made absolute: {@code ~/} is the home folder, a relative path the base folder. */
    private Path given(File configured) {
        if (configured == null) {
            return null;
        }
        String p = configured.getPath();
        if (p.equals("~") || p.startsWith("~" + File.separator)) {
            return p.length() == 1 ? home() : home().resolve(p.substring(2));
        }
        return resolvePath(configured, p).toPath();
    }
}
