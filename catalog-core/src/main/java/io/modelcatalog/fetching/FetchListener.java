package io.modelcatalog.fetching;

/** Hears about each provider as it completes; called from worker threads. */
@FunctionalInterface
public interface FetchListener {
    void completed(ProviderOutcome outcome);

    static FetchListener none() {
        return outcome -> {};
    }
}
