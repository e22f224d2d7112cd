package io.modelcatalog.maven;

import io.modelcatalog.catalog.FailedModels;
import io.modelcatalog.fetching.Durations;
import io.modelcatalog.fetching.FetchListener;
import io.modelcatalog.fetching.ListSource;
import io.modelcatalog.fetching.ProviderOutcome;
import io.modelcatalog.fetching.ProviderOutcome.Failed;
import io.modelcatalog.fetching.ProviderOutcome.Fetched;
import io.modelcatalog.fetching.ProviderOutcome.Listed;
import io.modelcatalog.fetching.ProviderOutcome.Skipped;
import io.modelcatalog.fetching.ProviderOutcome.Unchanged;
import io.modelcatalog.text.TextTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/**
 * The fetch goal's log while the run goes: each provider's line as it completes (fetched, unchanged or failed at
 * INFO or WARNING; a skip only at DEBUG, {@link FetchReportLog} sums the skips up in one line), and every
 * {@link #interval} a line naming the providers still running, so that one slow provider never leaves a build
 * silent.
 */
final class FetchProgressLog implements FetchListener {

    /** How many leftover files are named; the rest are counted. */
    private static final int SHOWN_FILES = 3;

    private final Log log;
    private final boolean failuresAreErrors;
    private final TextTable.Column names;
    private final Duration interval;

    /**
     * @param providers the selected providers' names, for the width of the name column
     * @param interval  how often the providers still running are named
     */
    FetchProgressLog(Log log, boolean failuresAreErrors, List<String> providers, Duration interval) {
        this.log = log;
        this.failuresAreErrors = failuresAreErrors;
        this.names = TextTable.Column.fitting(providers);
        this.interval = interval;
    }

    @Override
    public void completed(ProviderOutcome o) {
        String name = names.pad(o.provider());
        if (o instanceof Fetched f) {
            listed(
                    name,
                    f,
                    f.changed() ? ", +" + f.added().size() + " -" + f.removed().size() : "");
        } else if (o instanceof Unchanged u) {
            listed(name, u, (u.verified() ? ", files verified" : "") + ", unchanged");
        } else if (o instanceof Skipped s) {
            log.debug(name + " skipped: " + MavenWords.of(s));
        } else if (o instanceof Failed f) {
            String line = name + " FAILED: " + MavenWords.of(f);
            if (failuresAreErrors) {
                log.error(line);
            } else {
                log.warn(line);
            }
        }
    }

    /** A list's line: its size, time and source, then {@code tail}; then its warnings. */
    private void listed(String name, Listed o, String tail) {
        log.info(String.format(
                "%s %6d models %10d bytes %6d ms  %s%s",
                name, o.models(), o.bytes(), o.millis(), words(o.source()), tail));
        o.warnings().forEach(w -> log.warn(o.provider() + ": " + w));
    }

    /**
     * Where a list came from, in words: {@code network}, {@code network, 3 pages}, {@code network, same body},
     * {@code cache (304)}, {@code cache (offline)}.
     */
    static String words(ListSource source) {
        if (source instanceof ListSource.Network n) {
            return n.pages() > 1
                    ? "network, " + n.pages() + " pages"
                    : n.sameAsCached() ? "network, same body" : "network";
        }
        return switch ((ListSource.Cache) source) {
            case NOT_MODIFIED -> "cache (304)";
            case OFFLINE -> "cache (offline)";
        };
    }

    @Override
    public void waiting(List<String> providers, Duration elapsed) {
        log.info("Still waiting after " + Durations.words(elapsed) + " for "
                + providers.size() + " provider" + (providers.size() == 1 ? "" : "s") + ": "
                + String.join(", ", providers) + " (limit per request: catalog.timeout)");
    }

    @Override
    public Duration waitingInterval() {
        return interval;
    }

    @Override
    public void leftoversRemoved(List<Path> files) {
        String shown = String.join(
                ", ", files.stream().limit(SHOWN_FILES).map(Path::toString).toList());
        log.info("Removed " + files.size() + " temporary file" + (files.size() == 1 ? "" : "s")
                + " that an interrupted run left behind: " + shown
                + (files.size() > SHOWN_FILES ? " and " + (files.size() - SHOWN_FILES) + " more" : ""));
    }

    @Override
    public void historySetAside(FailedModels.SetAside damage) {
        log.warn("Cannot read the failure history " + damage.problem() + "; kept it as " + damage.copy()
                + " and went on with an empty history (it only records failures: the catalog is not affected)");
    }
}
