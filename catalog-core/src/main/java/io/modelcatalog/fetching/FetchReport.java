package io.modelcatalog.fetching;

import io.modelcatalog.fetching.ProviderOutcome.Failed;
import io.modelcatalog.fetching.ProviderOutcome.Fetched;
import io.modelcatalog.fetching.ProviderOutcome.Listed;
import io.modelcatalog.fetching.ProviderOutcome.Skipped;
import io.modelcatalog.fetching.ProviderOutcome.Unchanged;
import io.modelcatalog.text.Plural;
import java.util.List;
import java.util.stream.Stream;

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

    /** The outcomes of one kind ({@code Fetched.class}, {@code Failed.class}, ...), in registry order. */
    public <T extends ProviderOutcome> List<T> of(Class<T> kind) {
        return outcomes.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    public long count(Class<? extends ProviderOutcome> kind) {
        return outcomes.stream().filter(kind::isInstance).count();
    }

    /** The providers skipped for this reason, in registry order. */
    public List<Skipped> skipped(Skipped.Reason reason) {
        return of(Skipped.class).stream().filter(s -> s.reason() == reason).toList();
    }

    public List<Failed> failures() {
        return of(Failed.class);
    }

    public long models() {
        return listed().mapToLong(Listed::models).sum();
    }

    public long bytes() {
        return listed().mapToLong(Listed::bytes).sum();
    }

    /** Bytes of the bodies that came from the cache (a 304, or offline) rather than the network. */
    public long cachedBytes() {
        return listed().filter(o -> o.source().fromCache())
                .mapToLong(Listed::bytes)
                .sum();
    }

    private Stream<Listed> listed() {
        return of(Listed.class).stream();
    }

    /** One line: counts of fetched, unchanged, skipped and failed providers, models, bytes, time. */
    public String summary() {
        long fetched = count(Fetched.class);
        long unchanged = count(Unchanged.class);
        long noKey = skipped(Skipped.Reason.NO_KEY).size();
        long existing = skipped(Skipped.Reason.FILES_EXIST).size();
        long failed = count(Failed.class);
        return Plural.of(outcomes.size(), "provider") + ": " + fetched + " written, " + unchanged + " unchanged, "
                + (noKey + existing) + " skipped"
                + (existing > 0 ? " (" + existing + " existing, " + noKey + " without key)" : "")
                + ", " + failed + " failed; " + Plural.of(models(), "model") + ", " + Plural.of(bytes(), "byte")
                + (cachedBytes() > 0 ? " (" + cachedBytes() + " from the cache)" : "") + " in " + millis + " ms";
    }
}
