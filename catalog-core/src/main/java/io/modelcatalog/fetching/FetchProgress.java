package io.modelcatalog.fetching;

import io.modelcatalog.providers.ProviderDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A run's progress as its listener hears it: each provider when it completes, and while some are still running,
 * at most every {@link FetchListener#waitingInterval()}, which ones. Listener calls are serialized, so a listener
 * need not be thread-safe.
 */
final class FetchProgress {

    private final FetchListener listener;
    private final long startNanos;
    private final Set<String> running;

    FetchProgress(FetchListener listener, List<ProviderDefinition> providers, long startNanos) {
        this.listener = listener;
        this.startNanos = startNanos;
        this.running = new LinkedHashSet<>();
        providers.forEach(p -> running.add(p.name()));
    }

    /** A provider completed; called from its worker thread. */
    synchronized void completed(ProviderOutcome outcome) {
        running.remove(outcome.provider());
        listener.completed(outcome);
    }

    /**
     * Waits until every future is done, telling the listener which providers are still running each interval.
     * Does not look at the futures' results: a failed one is for the caller to unwrap.
     */
    void awaitAll(List<? extends Future<?>> futures) {
        long interval = Math.max(1, listener.waitingInterval().toNanos());
        long nextTick = startNanos + interval;
        for (Future<?> f : futures) {
            while (!f.isDone()) {
                try {
                    f.get(Math.max(0, nextTick - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    tick();
                    nextTick = System.nanoTime() + interval;
                } catch (ExecutionException e) {
                    break; // done
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // the caller's get() reports it
                    return;
                }
            }
        }
    }

    private synchronized void tick() {
        if (!running.isEmpty()) {
            listener.waiting(List.copyOf(new ArrayList<>(running)), Duration.ofNanos(System.nanoTime() - startNanos));
        }
    }
}
