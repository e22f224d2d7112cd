package io.modelcatalog.maven;

import io.modelcatalog.CatalogVersion;
import io.modelcatalog.configediting.SecretMasks;
import io.modelcatalog.configupdate.EntryChange;
import io.modelcatalog.configupdate.FileMerge;
import io.modelcatalog.configupdate.Notice;
import io.modelcatalog.configupdate.UpdateConfigsResult;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.plugin.logging.Log;

/**
 * The update-configs goal's log: each file's fate and its entries' changes, what the user should know (legacy
 * codex profile tables with the command that migrates them, aichat's key variable), the diffs of a dry run, and
 * the backup with the command that undoes the run. Every line has secret-looking values masked ({@link SecretMasks}).
 */
final class UpdateConfigsLog {

    /** How many legacy {@code [profiles.*]} tables are listed one by one at WARN; the rest at DEBUG. */
    static final int LEGACY_PROFILES_SHOWN = 10;

    private final Log log;
    private final boolean dryRun;
    private final int backupKeep;
    private int legacy;

    private UpdateConfigsLog(Log log, boolean dryRun, int backupKeep) {
        this.log = log;
        this.dryRun = dryRun;
        this.backupKeep = backupKeep;
    }

    /** Logs a run's result. */
    static void write(UpdateConfigsResult result, Log log, boolean dryRun, int backupKeep) {
        new UpdateConfigsLog(log, dryRun, backupKeep).write(result);
    }

    private void write(UpdateConfigsResult result) {
        result.skipped().forEach(s -> info("skipped " + s));
        if (result.providers().isEmpty()) {
            warn("No provider of the catalog was selected: nothing to merge");
            return;
        }
        result.files().forEach(this::file);
        if (legacy > LEGACY_PROFILES_SHOWN) {
            warn((legacy - LEGACY_PROFILES_SHOWN) + " more legacy [profiles.*] table(s) (listed with -X)");
        }
        if (dryRun) {
            for (String diff : result.diffs()) {
                diff.lines().forEach(this::info);
            }
            info("Dry run: " + result.changed().size() + " file(s) would change; nothing was written");
            return;
        }
        if (result.backup() != null) {
            info("Backed up " + result.backup().entries().size() + " file(s) first: "
                    + result.backup().folder() + " (undo with mvn io.modelcatalog:catalog-maven-plugin:"
                    + CatalogVersion.get() + ":restore -Dcatalog.backupId="
                    + result.backup().id() + ")");
        }
        result.pruned().forEach(b -> info("Removed old backup " + b.id() + " (catalog.backupKeep=" + backupKeep + ")"));
        info(result.changed().size() + " file(s) written, "
                + (result.files().size() - result.changed().size()) + " unchanged");
    }

    // every line through the masks: a path, a profile or an entry name a user chose may hold a key by mistake
    private void info(String line) {
        log.info(SecretMasks.line(line));
    }

    private void warn(String line) {
        log.warn(SecretMasks.line(line));
    }

    private void debug(String line) {
        log.debug(SecretMasks.line(line));
    }

    private void file(FileMerge f) {
        if (f instanceof FileMerge.Remove) {
            info(f.file() + (dryRun ? ": would be removed" : ": removed")
                    + " (model-catalog wrote it for a model its provider no longer lists)");
        } else if (f instanceof FileMerge.LeaveAlone) {
            warn(f.file() + " was not written by model-catalog: left alone");
        } else if (f.creates()) {
            info(f.file() + " does not exist: " + (dryRun ? "would be created" : "created")
                    + " from the generated entries");
        } else {
            info(f.file() + (f.changed() ? (dryRun ? ": would change" : ": updated") : ": unchanged"));
        }
        for (EntryChange e : f.entries()) {
            if (e.action() != EntryChange.Action.UNCHANGED && e.action() != EntryChange.Action.REMOVED) {
                info("  " + e.entry() + ": " + e.action().name().toLowerCase(Locale.ROOT)
                        + (e.modelsAdded() > 0 ? ", " + e.modelsAdded() + " model(s) added" : "")
                        + (e.modelsRemoved() > 0 ? ", " + e.modelsRemoved() + " model(s) removed" : ""));
            }
        }
        for (Notice n : f.notices()) {
            if (n instanceof Notice.LegacyProfileTable p) {
                String line = legacyProfile(p);
                if (legacy++ < LEGACY_PROFILES_SHOWN) {
                    warn(line);
                } else {
                    debug(line);
                }
            } else if (n instanceof Notice.KeyVariable k) {
                info("  aichat reads " + k.provider() + "'s key from " + k.toolVariable() + "; it is in "
                        + k.providerVariable() + ": export " + k.toolVariable() + "=\"$" + k.providerVariable()
                        + "\"");
            }
        }
    }

    /** A legacy profile table, with the command that writes its replacement profile file. */
    private static String legacyProfile(Notice.LegacyProfileTable p) {
        String fix = p.model() == null || p.provider() == null
                ? "move its keys to " + Path.of(String.valueOf(p.file())).resolveSibling(p.profile() + ".config.toml")
                : "write a profile file for its model with mvn io.modelcatalog:catalog-maven-plugin:"
                        + CatalogVersion.get() + ":update-configs -Dcatalog.tools=codex -Dcatalog.providers="
                        + p.provider() + " -Dcatalog.include='" + p.model() + "' (codex --profile <file name>)";
        return p.file() + ":" + p.line() + ": legacy [profiles." + p.profile() + "] table, which makes codex --profile "
                + p.profile() + " fail; left alone. To migrate it, " + fix + ", then delete the table";
    }
}
