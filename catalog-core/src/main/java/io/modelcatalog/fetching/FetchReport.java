package io.modelcatalog.fetching;

import java.util.List;

/**
 * The result of a fetch run: one outcome per selected provider, in registry order.
 *
 * @param outcomes     per provider
 * @param millis       wall time of the whole run
 * @param parsedAtOnce the most providers that were parsed and written at the same time (never more than the
 *                     options' parse slots)
 */
public record FetchReport(List<ProviderOutcome> outcomes, long millis, int parsedAtOnce) {

    public FetchReport {
        outcomes = List.copyOf(outcomes);
    }

    public long count(ProviderOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    public List<ProviderOutcome> failures() {
        return outcomes.stream()
                .filter(o -> o.status() == ProviderOutcome.Status.FAILED)
                .toList();
    }

    public long models() {
        return outcomes.stream().mapToLong(ProviderOutcome::models).sum();
    }

    public long bytes() {
        return outcomes.stream().mapToLong(ProviderOutcome::bytes).sum();
    }

    /** Bytes of the bodies that came from the cache (a 304, or offline) rather than the network. */
    public long cachedBytes() {
        return outcomes.stream()
                .filter(o -> o.source() != null && o.source().startsWith("cache"))
                .mapToLong(ProviderOutcome::bytes)
                .sum();
    }

    /** One line: counts of fetched, unchanged, skipped and failed providers, models, bytes, time. */
    public String summary() {
        long fetched = count(ProviderOutcome.Status.FETCHED);
        long unchanged = count(ProviderOutcome.Status.UNCHANGED);
        long noKey = count(ProviderOutcome.Status.SKIPPED_NO_KEY);
        long existing = count(ProviderOutcome.Status.SKIPPED_EXISTING);
        long failed = count(ProviderOutcome.Status.FAILED);
        return outcomes.size() + " providers: " + fetched + " written, " + unchanged + " unchanged, "
                + (noKey + existing) + " skipped"
                + (existing > 0 ? " (" + existing + " existing, " + noKey + " without key)" : "")
                + ", " + failed + " failed; " + models() + " models, " + bytes() + " bytes"
                + (cachedBytes() > 0 ? " (" + cachedBytes() + " from the cache)" : "") + " in " + millis + " ms";
    }
}
