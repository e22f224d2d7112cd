package io.modelcatalog.maven;

import io.modelcatalog.CatalogVersion;
import io.modelcatalog.configediting.SecretMasks;
import io.modelcatalog.configupdate.EntryChange;
import io.modelcatalog.configupdate.FileMerge;
import io.modelcatalog.configupdate.Notice;
import io.modelcatalog.configupdate.UpdateConfigsResult;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugin.logging.Log;

/**
 * The update-configs goal's log: each config file's fate and its entries' changes; for the files of one model
 * each (codex profiles, thousands in a run over every model) counts per provider, each file's fate at DEBUG; what the user should know (legacy
 * codex profile tables with the command that migrates them, aichat's key variable), the diffs of a dry run, and
 * the backup with the command that undoes the run. Every line has secret-looking values masked ({@link SecretMasks}).
 */
final class UpdateConfigsLog {

    private final Log log;
    private final File catalogFolder;
    private final boolean dryRun;
    private final int backupKeep;
    /** The legacy {@code [profiles.*]} tables left in place, per config file. */
    private final Map<Path, Integer> legacy = new TreeMap<>();

    private int moved;
    /** Per tool and provider, how many of its model files had each fate. */
    private final Map<String, Map<String, Integer>> modelFiles = new TreeMap<>();

    private UpdateConfigsLog(Log log, File catalogFolder, boolean dryRun, int backupKeep) {
        this.log = log;
        this.catalogFolder = catalogFolder;
        this.dryRun = dryRun;
        this.backupKeep = backupKeep;
    }

    /** Logs a run's result on the catalog in {@code catalogFolder}. */
    static void write(UpdateConfigsResult result, File catalogFolder, Log log, boolean dryRun, int backupKeep) {
        new UpdateConfigsLog(log, catalogFolder, dryRun, backupKeep).write(result);
    }

    private void write(UpdateConfigsResult result) {
        result.skipped().forEach(s -> info("skipped " + s));
        if (result.providers().isEmpty()) {
            warn("The catalog folder " + catalogFolder + " holds no provider's model list"
                    + (result.skipped().isEmpty() ? "" : " to merge (see the skipped files above)")
                    + ": nothing was changed. " + capitalized(MavenWords.fetchFirst()));
            return;
        }
        if (result.upToDate() != null) {
            upToDate(result.upToDate());
            return;
        }
        result.files().forEach(this::file);
        modelFileCounts();
        legacyCounts();
        if (moved > 0) {
            info((dryRun ? "Would move " : "Moved ") + moved + " legacy [profiles.*] table(s) of config.toml to"
                    + " their own profile files" + (log.isDebugEnabled() ? "" : " (each with -X)"));
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

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
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
        if (f.modelOf() != null) {
            modelFile(f);
            return;
        }
        if (f.notices().stream().anyMatch(Notice.MovedProfileTable.class::isInstance)) {
            moved++;
            debug(f.file() + (dryRun ? ": would be written" : ": written") + " from its legacy [profiles.*] table");
            return;
        }
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
        notices(f.file(), f.notices());
    }

    /** One warning per config file with legacy tables, with the one command that moves them all. */
    private void legacyCounts() {
        legacy.forEach((file, tables) -> warn(file + ": " + tables + " legacy [profiles.*] table(s), with which"
                + " codex --profile <name> fails; left alone" + (log.isDebugEnabled() ? "" : " (each with -X)")
                + ". Move them all to profile files at once (one backup, undone by restore) with mvn"
                + " io.modelcatalog:catalog-maven-plugin:" + CatalogVersion.get()
                + ":update-configs -Dcatalog.tools=codex -Dcatalog.codex.migrateProfiles"));
    }

    /** A rerun with nothing to change: what the last run noticed, told again, and the count. */
    private void upToDate(UpdateConfigsResult.UpToDate u) {
        info("Nothing to change since the last run: the catalog files, the settings and the " + u.files()
                + " config file(s) are as it left them, so nothing was read or merged (-Dcatalog.force=true merges"
                + " them again)");
        u.modelFiles()
                .forEach((tool, counts) -> counts.forEach(
                        (provider, n) -> info(tool + " profile files of " + provider + ": " + n + " unchanged")));
        u.notices().forEach(this::notices);
        legacyCounts();
        info("0 file(s) written, " + u.files() + " unchanged");
    }

    /** What the user should know about one file: what codex will refuse, legacy tables, key variables. */
    private void notices(Path file, List<Notice> notices) {
        List<Notice.CodexRefusal> refusals = notices.stream()
                .filter(Notice.CodexRefusal.class::isInstance)
                .map(Notice.CodexRefusal.class::cast)
                .toList();
        if (!refusals.isEmpty()) {
            warn(file + ": codex " + refusals.get(0).codexVersion() + " will refuse to start with this file ("
                    + refusals.size() + " problem(s) in your own content, left alone; codex names only the first):");
            for (Notice.CodexRefusal r : refusals) {
                warn("  line " + r.line() + ": " + r.problem() + ". To fix it, " + r.remedy());
            }
        }
        for (Notice n : notices) {
            if (n instanceof Notice.LegacyProfileTable p) {
                legacy.merge(p.file(), 1, Integer::sum);
                debug(legacyProfile(p));
            } else if (n instanceof Notice.KeyVariable k) {
                info("  aichat reads " + k.provider() + "'s key from " + k.toolVariable() + "; it is in "
                        + k.providerVariable() + ": export " + k.toolVariable() + "=\"$" + k.providerVariable()
                        + "\"");
            }
        }
    }

    /** One model's file: its fate counted for its provider, told at DEBUG. */
    private void modelFile(FileMerge f) {
        String fate;
        if (f instanceof FileMerge.Remove) {
            fate = dryRun ? "would be removed" : "removed";
        } else if (f instanceof FileMerge.LeaveAlone) {
            fate = "not written by model-catalog, left alone";
        } else if (f.creates()) {
            fate = dryRun ? "would be created" : "created";
        } else if (f.changed()) {
            fate = dryRun ? "would change" : "updated";
        } else {
            fate = "unchanged";
        }
        debug(f.file() + ": " + fate);
        modelFiles
                .computeIfAbsent(f.tool() + " profile files of " + f.modelOf(), k -> new LinkedHashMap<>())
                .merge(fate, 1, Integer::sum);
    }

    private void modelFileCounts() {
        modelFiles.forEach((what, fates) -> {
            StringBuilder line = new StringBuilder(what).append(':');
            String sep = " ";
            for (String fate : FATES) {
                Integer n = fates.get(fate);
                if (n != null) {
                    line.append(sep).append(n).append(' ').append(fate);
                    sep = ", ";
                }
            }
            boolean leftAlone = fates.containsKey(FATES.get(FATES.size() - 1));
            String text = line + (log.isDebugEnabled() ? "" : " (each file with -X)");
            if (leftAlone) {
                warn(text);
            } else {
                info(text);
            }
        });
    }

    /** The fates of a model file, in the order the counts are told. */
    private static final List<String> FATES = List.of(
            "created",
            "would be created",
            "updated",
            "would change",
            "unchanged",
            "removed",
            "would be removed",
            "not written by model-catalog, left alone");

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
