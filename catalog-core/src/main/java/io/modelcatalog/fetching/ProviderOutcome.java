package io.modelcatalog.fetching;

import io.modelcatalog.providers.UrlCredentials;
import java.util.List;

/**
 * What happened to one provider in a fetch run.
 *
 * @param provider provider name
 * @param status   the outcome
 * @param models   model ids in the written list (0 unless fetched)
 * @param bytes    bytes of the body used (all pages), received or, for a 304 or offline, read from the cache
 * @param millis   wall time spent on the provider
 * @param message  why it was skipped or failed, without the provider's name, credentials in URLs masked;
 *                 {@code null} when fetched
 * @param problem  the kind of problem {@code message} describes; {@code null} when fetched
 * @param warnings things that went wrong without failing the provider (e.g. the Chutes enrichment)
 * @param source   where the list came from: {@code network}, {@code network, 3 pages}, {@code cache (304)},
 *                 {@code cache (offline)}; null when not fetched
 * @param added    model ids new since the previous output (sorted, distinct)
 * @param removed  model ids gone since the previous output (sorted, distinct)
 */
public record ProviderOutcome(
        String provider,
        Status status,
        int models,
        long bytes,
        long millis,
        String message,
        FetchProblem problem,
        List<String> warnings,
        String source,
        List<String> added,
        List<String> removed) {

    public enum Status {
        /** Fetched and its files written. */
        FETCHED,
        /** Fetched; its files already held these bytes and were left untouched. */
        UNCHANGED,
        /** Not fetched: the key is not set. */
        SKIPPED_NO_KEY,
        /** Not fetched: its three files exist and skip-existing is on. */
        SKIPPED_EXISTING,
        /** Failed; its previous files are untouched. */
        FAILED;

        public boolean fetched() {
            return this == FETCHED || this == UNCHANGED;
        }
    }

    public ProviderOutcome {
        // second line of defence: a URL with credentials never reaches a log line or failed_models.json
        message = UrlCredentials.mask(message);
        warnings = warnings.stream().map(UrlCredentials::mask).toList();
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /** Whether the model ids changed since the previous output. */
    public boolean changed() {
        return !added.isEmpty() || !removed.isEmpty();
    }

    static ProviderOutcome skipped(String provider, Status status, String message, FetchProblem problem) {
        return new ProviderOutcome(provider, status, 0, 0, 0, message, problem, List.of(), null, List.of(), List.of());
    }

    static ProviderOutcome failed(String provider, long millis, String message, FetchProblem problem) {
        return new ProviderOutcome(
                provider, Status.FAILED, 0, 0, millis, message, problem, List.of(), null, List.of(), List.of());
    }
}
