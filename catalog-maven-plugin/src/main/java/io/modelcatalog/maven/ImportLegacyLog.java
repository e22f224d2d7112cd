package io.modelcatalog.maven;

import io.modelcatalog.migration.ProviderComparison;
import io.modelcatalog.migration.ProvidersFileOutput;
import io.modelcatalog.migration.ScriptNote;
import io.modelcatalog.providers.ProviderDefinition;
import java.io.File;
import java.util.stream.Collectors;
import org.apache.maven.plugin.logging.Log;

/**
 * The import-legacy goal's log: the script's providers against the built-in ones, the selection that leaves out
 * the built-in providers the script no longer has, and what became of the providers file.
 */
final class ImportLegacyLog {

    private ImportLegacyLog() {}

    /** The comparison: its table, the script's notes, the summary, and the providers the script lacks. */
    static void comparison(File script, ProviderComparison comparison, Log log) {
        log.info("Providers of " + script + " against the built-in ones:");
        comparison.table().forEach(log::info);
        for (ScriptNote note : comparison.script().notes()) {
            log.info(script.getName() + " " + note);
        }
        log.info(comparison.summary());
        if (!comparison.removed().isEmpty()) {
            String removed =
                    comparison.removed().stream().map(ProviderDefinition::name).collect(Collectors.joining(", "));
            String selection = String.join(",", comparison.selection());
            log.warn("Not in the script: " + removed + ". A providers file adds and replaces providers but "
                    + "cannot remove one; to leave " + (comparison.removed().size() == 1 ? "it" : "them")
                    + " out, select the others:");
            log.warn("  -Dcatalog.providers=" + selection);
            log.warn("  or in the POM: <providerNames>" + selection + "</providerNames>");
        }
    }

    /** No difference: no file is needed; an existing one still applies. */
    static void noDifference(File target, Log log) {
        log.info("No provider added or changed: the built-in providers are those of the script, no "
                + "providers file is needed, and none was written");
        if (target.exists()) {
            log.warn(target + " exists and was left as it is; the goals given -Dcatalog.providersFile="
                    + target.getName() + " still apply its providers");
        }
    }

    /** The providers file written (or found current), and how to use it. */
    static void written(File target, int count, ProvidersFileOutput.Outcome outcome, Log log) {
        String what = count + " provider" + (count == 1 ? "" : "s");
        if (outcome.result() == ProvidersFileOutput.Result.UNCHANGED) {
            log.info(target + " is up to date (" + what + "); nothing written");
        } else {
            log.info("Wrote " + target + " (" + what + ")"
                    + outcome.backup()
                            .map(b -> "; the previous file is kept as " + b)
                            .orElse(""));
        }
        log.info("Fetch with it: -Dcatalog.providersFile=" + target + " (POM <providersFile>)");
    }
}
