package io.modelcatalog.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcatalog.fetching.FetchListener;
import io.modelcatalog.fetching.FetchProblem;
import io.modelcatalog.fetching.ListSource;
import io.modelcatalog.fetching.ProviderOutcome.Failed;
import io.modelcatalog.fetching.ProviderOutcome.Fetched;
import io.modelcatalog.fetching.ProviderOutcome.Skipped;
import io.modelcatalog.fetching.ProviderOutcome.Unchanged;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of outcome's line as it completes, byte for byte, with each source's words. */
class FetchProgressLogTest {

    private static final List<String> NAMES = List.of("anthropic", "groq", "x");

    private final MojoLogRecorder log = new MojoLogRecorder();

    private FetchProgressLog progress(boolean failuresAreErrors) {
        return new FetchProgressLog(log, failuresAreErrors, NAMES, FetchListener.WAITING_INTERVAL);
    }

    @Test
    void aListsLineSaysItsSizeTimeSourceAndChanges() {
        FetchProgressLog p = progress(false);
        p.completed(new Fetched(
                "anthropic",
                9,
                1256,
                180,
                new ListSource.Network(2, false),
                List.of("a", "b"),
                List.of("c"),
                List.of()));
        p.completed(new Fetched("groq", 21, 4075, 35, ListSource.Network.onePage(), List.of(), List.of(), List.of()));
        p.completed(new Unchanged("groq", 21, 4075, 35, ListSource.Cache.NOT_MODIFIED, true, List.of()));
        p.completed(new Unchanged("groq", 21, 4075, 35, ListSource.Cache.NOT_MODIFIED, false, List.of()));
        p.completed(new Unchanged("groq", 21, 4075, 35, new ListSource.Network(1, true), true, List.of()));
        p.completed(new Fetched(
                "x", 1, 7, 2, ListSource.Cache.OFFLINE, List.of(), List.of(), List.of("enrichment skipped: 503")));
        assertEquals(
                List.of(
                        "[INFO] anthropic      9 models       1256 bytes    180 ms  network, 2 pages, +2 -1",
                        "[INFO] groq          21 models       4075 bytes     35 ms  network",
                        "[INFO] groq          21 models       4075 bytes     35 ms  cache (304), files verified, unchanged",
                        "[INFO] groq          21 models       4075 bytes     35 ms  cache (304), unchanged",
                        "[INFO] groq          21 models       4075 bytes     35 ms  network, same body, files verified,"
                                + " unchanged",
                        "[INFO] x              1 models          7 bytes      2 ms  cache (offline)",
                        "[WARNING] x: enrichment skipped: 503"),
                log.lines());
    }

    @Test
    void aSkipIsDebugAndAFailureAWarningOrAnErrorWithItsRemedy() {
        progress(false).completed(new Skipped("groq", Skipped.Reason.NO_KEY, "no API key: set GROQ_API_KEY"));
        progress(false).completed(new Skipped("x", Skipped.Reason.FILES_EXIST, "its three files exist"));
        progress(false).completed(new Failed("groq", 5, FetchProblem.TIMEOUT, "no answer within 30 s"));
        progress(true).completed(new Failed("x", 5, FetchProblem.OTHER, "HTTP 500"));
        assertEquals(
                List.of(
                        "[DEBUG] groq      skipped: no API key: set GROQ_API_KEY or a settings.xml <server> with id"
                                + " catalog-groq",
                        "[DEBUG] x         skipped: its three files exist (catalog.skipExisting)",
                        "[WARNING] groq      FAILED: no answer within 30 s (limit: catalog.timeout)",
                        "[ERROR] x         FAILED: HTTP 500"),
                log.lines());
    }
}
