package io.modelcatalog.fetching;

import io.modelcatalog.CatalogVersion;
import io.modelcatalog.artifact.CatalogOrigin;
import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.catalog.FailedModels;
import io.modelcatalog.files.AtomicFiles;
import io.modelcatalog.files.WritableFolders;
import io.modelcatalog.providers.ProviderDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fetch run: every selected provider at once on a bounded pool, each one requested, parsed, sorted and written
 * as its three legacy files ({@link ProviderFetch}); then {@code failed_models.json}. A provider that fails leaves
 * its previous files byte-identical and does not stop the others.
 */
public final class CatalogFetch {

    private final FetchOptions options;

    public CatalogFetch(FetchOptions options) {
        this.options = options;
    }

    /**
     * Runs the fetch.
     *
     * @throws IOException when {@code failed_models.json} cannot be read or written (a damaged one is set aside:
     *     {@link FetchListener#historySetAside})
     */
    public FetchReport run(FetchListener listener) throws IOException {
        long start = System.nanoTime();
        Path out = options.outputDirectory();
        prepare(out, listener);
        Path historyFile = out.resolve(CatalogLayout.FAILED_MODELS);
        FailedModels.Loaded loaded = FailedModels.readOrSetAside(historyFile);
        loaded.damage().ifPresent(listener::historySetAside);
        FailedModels history = loaded.history();
        List<ProviderDefinition> selected = selected(history);
        Files.createDirectories(out);
        ParseSlots slots = new ParseSlots(options.parseSlots());
        List<ProviderFetch.Result> results =
                selected.isEmpty() ? List.of() : fetchAll(selected, slots, listener, start);
        // an offline run says nothing about the providers, so it leaves their history alone
        if (!options.network().offline()) {
            record(results, history);
        }
        boolean historyChanged = AtomicFiles.writeIfChanged(historyFile, history.toBytes());
        List<ProviderOutcome> outcomes =
                results.stream().map(ProviderFetch.Result::outcome).toList();
        // a catalog put there from an artifact is no longer the artifact's once a fetch changed it
        if (historyChanged || outcomes.stream().anyMatch(o -> o instanceof ProviderOutcome.Fetched)) {
            CatalogOrigin.forget(out);
        }
        return new FetchReport(outcomes, (System.nanoTime() - start) / 1_000_000, slots.mostTaken());
    }

    /**
     * Before any request: a file in the folder's place or a folder this user cannot write is said as such, and what
     * an interrupted run left behind is removed.
     */
    private void prepare(Path out, FetchListener listener) throws IOException {
        WritableFolders.prepare(out);
        List<Path> leftovers = FetchLeftovers.remove(options, Instant.now());
        if (!leftovers.isEmpty()) {
            listener.leftoversRemoved(leftovers);
        }
    }

    /** The providers to fetch: the options' ones, or under failed-rescan those of them the history has failed. */
    private List<ProviderDefinition> selected(FailedModels history) {
        if (!options.failedRescan()) {
            return options.providers();
        }
        Set<String> rescan = Set.copyOf(history.failedProviders());
        return options.providers().stream()
                .filter(p -> rescan.contains(p.name()))
                .toList();
    }

    /** Every provider on its own thread of a bounded pool; the results in the providers' order. */
    private List<ProviderFetch.Result> fetchAll(
            List<ProviderDefinition> selected, ParseSlots slots, FetchListener listener, long start)
            throws IOException {
        // one more thread than providers: an enrichment's request (Chutes') runs beside its model list
        int threads = Math.min(selected.size() + 1, options.network().concurrency() + 1);
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "catalog-fetch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try (ModelListHttpClient http = new ModelListHttpClient(options.network(), CatalogVersion.userAgent())) {
            ProviderFetch.Run run = new ProviderFetch.Run(options, http, pool, slots, CatalogVersion.build());
            FetchProgress progress = new FetchProgress(listener, selected, start);
            List<Future<ProviderFetch.Result>> futures = new ArrayList<>();
            for (ProviderDefinition p : selected) {
                futures.add(pool.submit(() -> {
                    ProviderFetch.Result result = new ProviderFetch(run, p).fetch();
                    progress.completed(result.outcome());
                    return result;
                }));
            }
            progress.awaitAll(futures);
            List<ProviderFetch.Result> results = new ArrayList<>();
            for (Future<ProviderFetch.Result> f : futures) {
                results.add(join(f));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each failure, and each list received with the {@code Date} of its answer, into the failure history. */
    private void record(List<ProviderFetch.Result> results, FailedModels history) {
        LocalDateTime now = LocalDateTime.now(options.clock());
        for (ProviderFetch.Result r : results) {
            if (r.outcome() instanceof ProviderOutcome.Failed f) {
                history.recordFailure(f.provider(), f.message(), now);
            } else if (r.outcome() instanceof ProviderOutcome.Listed l) {
                history.recordSuccess(l.provider(), r.date().orElseThrow());
            }
        }
    }

    private static ProviderFetch.Result join(Future<ProviderFetch.Result> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("fetch interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(c);
        }
    }
}
