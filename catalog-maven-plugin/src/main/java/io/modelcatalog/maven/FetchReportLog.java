package io.modelcatalog.maven;

import io.modelcatalog.fetching.FetchReport;
import io.modelcatalog.fetching.ProviderOutcome;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** The fetch goal's log: one aligned line per provider, the summary, then the model changes. */
final class FetchReportLog {

    /** How many ids of a change are named. */
    private static final int SHOWN_IDS = 5;

    private FetchReportLog() {}

    /** Logs the report; a failure is an error when it fails the build, else a warning. */
    static void write(FetchReport report, Log log, boolean failuresAreErrors) {
        Columns names = Columns.fitting(
                report.outcomes().stream().map(ProviderOutcome::provider).toList());
        for (ProviderOutcome o : report.outcomes()) {
            String name = names.pad(o.provider());
            switch (o.status()) {
                case FETCHED, UNCHANGED ->
                    log.info(String.format(
                            "%s %6d models %10d bytes %6d ms  %s%s%s",
                            name,
                            o.models(),
                            o.bytes(),
                            o.millis(),
                            o.source(),
                            o.status() == ProviderOutcome.Status.UNCHANGED ? ", unchanged" : "",
                            o.changed()
                                    ? ", +" + o.added().size() + " -"
                                            + o.removed().size()
                                    : ""));
                case SKIPPED_NO_KEY, SKIPPED_EXISTING -> log.info(name + " skipped: " + MavenWords.of(o));
                case FAILED -> {
                    String line = name + " FAILED: " + MavenWords.of(o);
                    if (failuresAreErrors) {
                        log.error(line);
                    } else {
                        log.warn(line);
                    }
                }
            }
            o.warnings().forEach(w -> log.warn(o.provider() + ": " + w));
        }
        log.info(report.summary());
        for (ProviderOutcome o : report.outcomes()) {
            if (o.changed()) {
                log.info("  " + o.provider() + ": " + describe("added", o.added()) + "; "
                        + describe("removed", o.removed()));
            }
        }
    }

    private static String describe(String what, List<String> ids) {
        int shown = Math.min(ids.size(), SHOWN_IDS);
        return ids.size() + " " + what
                + (ids.isEmpty()
                        ? ""
                        : " (" + String.join(", ", ids.subList(0, shown)) + (ids.size() > shown ? ", ..." : "") + ")");
    }
}
