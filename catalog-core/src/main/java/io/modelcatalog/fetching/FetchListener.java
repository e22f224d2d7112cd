package io.modelcatalog.fetching;

import io.modelcatalog.catalog.FailedModels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Hears about a fetch run while it goes: each provider as it completes (in completion order), the providers still
 * running, and what the run set right before it started. Called from worker threads and the run's own thread, one
 * call at a time per run; the caller decides the words.
 */
@FunctionalInterface
public interface FetchListener {

    /** How often {@link #waiting(List, Duration)} is called while providers are still running, unless overridden. */
    Duration WAITING_INTERVAL = Duration.ofSeconds(10);

    /** A provider completed (fetched, unchanged, skipped or failed). */
    void completed(ProviderOutcome outcome);

    /**
     * Providers still running after {@code elapsed}, in registry order; called at most every
     * {@link #waitingInterval()}, and only while some are.
     */
    default void waiting(List<String> providers, Duration elapsed) {}

    /** How often {@link #waiting(List, Duration)} may be called; {@link #WAITING_INTERVAL} by default. */
    default Duration waitingInterval() {
        return WAITING_INTERVAL;
    }

    /**
     * Temporary files that an earlier, interrupted run left behind were removed before this run started (only
     * called when there were some).
     */
    default void leftoversRemoved(List<Path> files) {}

    /** {@code failed_models.json} could not be read: a copy is kept and the run goes on with an empty history. */
    default void historySetAside(FailedModels.SetAside damage) {}

    static FetchListener none() {
        return outcome -> {};
    }
}
