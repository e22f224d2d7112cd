package io.modelcatalog.fetching;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.CatalogVersion;
import io.modelcatalog.artifact.CatalogOrigin;
import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.catalog.FailedModels;
import io.modelcatalog.documents.CodePointOrder;
import io.modelcatalog.files.AtomicFiles;
import io.modelcatalog.files.FileErrors;
import io.modelcatalog.files.FileStamp;
import io.modelcatalog.files.WritableFolders;
import io.modelcatalog.legacy.LegacyListFiles;
import io.modelcatalog.legacy.LegacyTxtReader;
import io.modelcatalog.legacy.LegacyTxtWriter;
import io.modelcatalog.legacy.PythonJsonWriter;
import io.modelcatalog.providers.ApiKey;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fetch run: every selected provider at once on a bounded pool, each one requested, parsed, sorted and written
 * as its three legacy files; then {@code failed_models.json}. A provider that fails leaves its previous files
 * byte-identical and does not stop the others.
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
        // before any request: a file in the folder's place or a folder this user cannot write is said as such
        WritableFolders.prepare(options.outputDirectory());
        List<Path> leftovers = FetchLeftovers.remove(options, Instant.now());
        if (!leftovers.isEmpty()) {
            listener.leftoversRemoved(leftovers);
        }
        Path out = options.outputDirectory();
        Path failedFile = out.resolve(CatalogLayout.FAILED_MODELS);
        FailedModels.Loaded history = FailedModels.readOrSetAside(failedFile);
        history.damage().ifPresent(listener::historySetAside);
        FailedModels failed = history.history();

        List<ProviderDefinition> selected = options.providers();
        if (options.failedRescan()) {
            Set<String> rescan = Set.copyOf(failed.failedProviders());
            selected = selected.stream().filter(p -> rescan.contains(p.name())).toList();
        }
        Files.createDirectories(out);

        List<ProviderOutcome> outcomes = new ArrayList<>();
        Map<String, String> lastSuccess = new LinkedHashMap<>();
        ParseSlots slots = new ParseSlots(options.parseSlots());
        if (!selected.isEmpty()) {
            // one more thread than providers: Chutes' enrichment request runs beside its model list
            int threads = Math.min(selected.size() + 1, options.network().concurrency() + 1);
            AtomicInteger n = new AtomicInteger();
            String code = CatalogVersion.build();
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "catalog-fetch-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            try (ModelListHttpClient http = new ModelListHttpClient(options.network(), CatalogVersion.userAgent())) {
                List<Future<ProviderRun>> futures = new ArrayList<>();
                FetchProgress progress = new FetchProgress(listener, selected, start);
                for (ProviderDefinition p : selected) {
                    futures.add(pool.submit(() -> {
                        ProviderRun run = fetchOne(http, pool, slots, p, code);
                        progress.completed(run.outcome);
                        return run;
                    }));
                }
                progress.awaitAll(futures);
                for (Future<ProviderRun> f : futures) {
                    ProviderRun run = join(f);
                    outcomes.add(run.outcome);
                    if (run.date != null) {
                        lastSuccess.put(run.outcome.provider(), run.date);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }

        LocalDateTime now = LocalDateTime.now(options.clock());
        // an offline run says nothing about the providers, so it leaves their history alone
        for (ProviderOutcome o : options.network().offline() ? List.<ProviderOutcome>of() : outcomes) {
            if (o.status() == ProviderOutcome.Status.FAILED) {
                failed.recordFailure(o.provider(), o.message(), now);
            } else if (o.status().fetched()) {
                failed.recordSuccess(o.provider(), lastSuccess.get(o.provider()));
            }
        }
        boolean historyChanged = AtomicFiles.writeIfChanged(failedFile, failed.toBytes());
        // a catalog put there from an artifact is no longer the artifact's once a fetch changed it
        if (historyChanged || outcomes.stream().anyMatch(o -> o.status() == ProviderOutcome.Status.FETCHED)) {
            CatalogOrigin.forget(out);
        }
        return new FetchReport(outcomes, (System.nanoTime() - start) / 1_000_000, slots.mostTaken());
    }

    private static ProviderRun join(Future<ProviderRun> f) throws IOException {
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

    /** One provider's fetch; never throws for a provider problem, which becomes a FAILED outcome. */
    private ProviderRun fetchOne(
            ModelListHttpClient http, ExecutorService pool, ParseSlots slots, ProviderDefinition p, String code) {
        long t0 = System.nanoTime();
        ProviderEndpoint endpoint = ProviderEndpoint.resolve(p, options.env());
        Optional<ApiKey> key = p.kind().needsKey() ? options.credentials().find(p) : Optional.empty();
        // offline, a cached model list needs no key: a folder of recorded responses replays without one
        if (p.kind().needsKey() && key.isEmpty() && !replayableOffline(p)) {
            return new ProviderRun(
                    ProviderOutcome.skipped(
                            p.name(),
                            ProviderOutcome.Status.SKIPPED_NO_KEY,
                            p.apiKeyEnv() == null
                                    ? "no API key, and the provider names no key variable"
                                    : "no API key: set " + p.apiKeyEnv(),
                            FetchProblem.NO_KEY),
                    null);
        }
        Path root = options.outputDirectory();
        CatalogLayout layout = options.layout();
        if (options.skipExisting()
                && Files.exists(layout.json(root, p.name()))
                && Files.exists(layout.txt(root, p.name()))
                && Files.exists(layout.toml(root, p.name()))) {
            return new ProviderRun(
                    ProviderOutcome.skipped(
                            p.name(),
                            ProviderOutcome.Status.SKIPPED_EXISTING,
                            "its three files exist",
                            FetchProblem.FILES_EXIST),
                    null);
        }
        boolean slotTaken = false;
        try {
            ModelListSource source =
                    new ModelListSource(http, options.cache(), options.network().offline());
            // the enrichment needs only the key, so it is requested while the model list is
            CompletableFuture<ModelListSource.Fetched> enrichment =
                    p.name().equals(ChutesEnrichment.PROVIDER) && key.isPresent()
                            ? CompletableFuture.supplyAsync(() -> fetchChutesEnrichment(source, p, key.get()), pool)
                            : null;
            ModelListSource.Fetched fetched =
                    source.fetch(p, ProviderRequests.modelList(endpoint, key), ResponseCache.MODELS);
            String date = fetched.date() != null
                    ? fetched.date()
                    : DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(options.clock()));
            List<String> warnings = new ArrayList<>();
            ModelListSource.Fetched chutes = enrichment == null ? null : joinEnrichment(enrichment, warnings);
            Path chutesFile = chutes == null ? null : root.resolve(CatalogLayout.CHUTES_CHUTES);
            List<Path> outputs = chutesFile == null
                    ? List.of(layout.json(root, p.name()), layout.txt(root, p.name()), layout.toml(root, p.name()))
                    : List.of(
                            layout.json(root, p.name()),
                            layout.txt(root, p.name()),
                            layout.toml(root, p.name()),
                            chutesFile);
            OutputManifest manifest = manifest(p);
            boolean known = manifest != null
                    && fetched.digest() != null
                    && (enrichment == null || chutes != null && chutes.digest() != null);
            String inputs = !known
                    ? null
                    : OutputManifest.inputs(
                            code,
                            p.name(),
                            endpoint.configBaseUrl(),
                            p.apiKeyEnv(),
                            chutes == null ? List.of(fetched.digest()) : List.of(fetched.digest(), chutes.digest()),
                            outputs);
            // the cached body again, and the files still hold what it produced: nothing to parse or write
            OptionalInt kept = inputs == null ? OptionalInt.empty() : manifest.unchanged(inputs);
            if (kept.isPresent()) {
                fetched.commit();
                if (chutes != null) {
                    chutes.commit();
                }
                return new ProviderRun(
                        new ProviderOutcome(
                                p.name(),
                                ProviderOutcome.Status.UNCHANGED,
                                kept.getAsInt(),
                                fetched.bytes(),
                                millisSince(t0),
                                null,
                                null,
                                warnings,
                                fetched.source() + ", files verified",
                                List.of(),
                                List.of()),
                        date);
            }
            // from here on it is parsing and writing: only as many providers at once as there are slots
            slots.take();
            slotTaken = true;
            byte[] chutesJson = null;
            LegacyListFiles legacy;
            if (chutes != null) {
                JsonNode tree = fetched.tree();
                chutesJson = applyChutesEnrichment(chutes, tree, warnings);
                // the legacy files are made from bytes: the enriched tree's (it reads back to the same tree)
                legacy = LegacyListFiles.read(PythonJsonWriter.toBytes(tree), p.name(), true);
            } else {
                legacy = fetched.files();
            }
            List<String> ids = legacy.ids();
            Optional<String> unencodable = LegacyTxtWriter.unencodableId(ids);
            if (unencodable.isPresent()) {
                throw new FetchException(p.name() + ": model id \"" + LegacyTxtWriter.escaped(unencodable.get())
                        + "\" holds a lone surrogate (an unpaired \\ud800-\\udfff escape) that UTF-8 cannot"
                        + " encode, so its txt and TOML files cannot be written (the legacy tool fails on it too)");
            }
            List<String> previous = LegacyTxtReader.read(layout.txt(root, p.name()));
            checkShrink(p, ids.size(), previous, layout.txt(root, p.name()));
            Map<Path, AtomicFiles.Written> written = new LinkedHashMap<>();
            written.put(outputs.get(0), AtomicFiles.writeIfChanged(outputs.get(0), legacy.json()));
            written.put(outputs.get(1), AtomicFiles.writeIfChanged(outputs.get(1), legacy.txt()));
            written.put(
                    outputs.get(2),
                    AtomicFiles.writeIfChanged(
                            outputs.get(2), legacy.toml(p.name(), endpoint.configBaseUrl(), p.apiKeyEnv())));
            boolean changed = written.values().stream().anyMatch(AtomicFiles.Written::changed);
            if (inputs != null && (chutes == null || chutesJson != null)) {
                if (chutesJson != null) {
                    written.put(
                            chutesFile,
                            new AtomicFiles.Written(false, chutesJson.length, FileStamp.sha256(chutesJson)));
                }
                manifest.record(inputs, ids.size(), written);
            } else if (manifest != null) {
                manifest.forget();
            }
            ProviderOutcome outcome = new ProviderOutcome(
                    p.name(),
                    changed ? ProviderOutcome.Status.FETCHED : ProviderOutcome.Status.UNCHANGED,
                    ids.size(),
                    fetched.bytes(),
                    millisSince(t0),
                    null,
                    null,
                    warnings,
                    fetched.source(),
                    difference(ids, previous),
                    difference(previous, ids));
            return new ProviderRun(outcome, date);
        } catch (FetchException e) {
            return new ProviderRun(
                    ProviderOutcome.failed(
                            p.name(), millisSince(t0), withoutProviderPrefix(p.name(), e.getMessage()), e.problem()),
                    null);
        } catch (IOException e) {
            return new ProviderRun(
                    ProviderOutcome.failed(
                            p.name(),
                            millisSince(t0),
                            "cannot write its files in " + root + " or the cache: " + FileErrors.explain(e),
                            FetchProblem.OTHER),
                    null);
        } finally {
            if (slotTaken) {
                slots.give();
            }
        }
    }

    /**
     * The parse slots of one run ({@link FetchOptions#parseSlots()}) and the most taken at once. A provider takes
     * one once it has to parse (its body, and Chutes' enrichment, arrived, and its files are not already the ones
     * that body made) and gives it back when its files are written.
     */
    private static final class ParseSlots {
        private final Semaphore free;
        private int taken;
        private int mostTaken;

        ParseSlots(int slots) {
            free = new Semaphore(slots);
        }

        void take() {
            // uninterruptible: a holder only parses and writes, and always gives its slot back
            free.acquireUninterruptibly();
            synchronized (this) {
                taken++;
                mostTaken = Math.max(mostTaken, taken);
            }
        }

        void give() {
            synchronized (this) {
                taken--;
            }
            free.release();
        }

        synchronized int mostTaken() {
            return mostTaken;
        }
    }

    private boolean replayableOffline(ProviderDefinition p) {
        return options.network().offline()
                && options.cache() != null
                && Files.isRegularFile(options.cache().bodyFile(p, ResponseCache.MODELS));
    }

    /** The integrity gate: a list that lost more than half its models (or all) is not written. */
    private void checkShrink(ProviderDefinition p, int now, List<String> previous, Path txt) throws FetchException {
        int before = previous.size();
        if (options.allowShrink() || before == 0 || now * 2 >= before && now > 0) {
            return;
        }
        throw new FetchException(
                p.name() + ": refusing to write " + now + " models over the " + before + " of " + txt.getFileName()
                        + " (less than half)",
                0,
                FetchProblem.SHRINK);
    }

    /** Ids in {@code a} and not in {@code b}, sorted by code point, distinct. */
    private static List<String> difference(List<String> a, List<String> b) {
        Set<String> exclude = new HashSet<>(b);
        TreeSet<String> out = new TreeSet<>(CodePointOrder.INSTANCE);
        for (String id : a) {
            if (!exclude.contains(id)) {
                out.add(id);
            }
        }
        return List.copyOf(out);
    }

    private ModelListSource.Fetched fetchChutesEnrichment(
            ModelListSource source, ProviderDefinition chutes, ApiKey key) {
        String url = options.env().get(ChutesEnrichment.URL_ENV).orElse(ChutesEnrichment.DEFAULT_URL);
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Accept", "application/json");
            headers.put("Authorization", key.reveal());
            HttpRequestSpec request = new HttpRequestSpec(
                    ChutesEnrichment.PROVIDER,
                    ProviderRequests.uri(
                            ChutesEnrichment.PROVIDER,
                            url,
                            "the URL in " + ChutesEnrichment.URL_ENV,
                            chutes.apiKeyEnv()),
                    headers,
                    Set.of("Authorization"));
            return source.fetch(chutes, request, ChutesEnrichment.CACHE_ENTRY);
        } catch (FetchException | IOException e) {
            throw new CompletionException(e);
        }
    }

    /** The enrichment's response, or null after a warning when it failed. */
    private static ModelListSource.Fetched joinEnrichment(
            CompletableFuture<ModelListSource.Fetched> pending, List<String> warnings) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            warnings.add(enrichmentSkipped(e.getCause() != null ? e.getCause() : e));
            return null;
        }
    }

    /**
     * Saves the enrichment body as chutes_chutes.json and applies it; a failure only warns.
     *
     * @return the bytes of chutes_chutes.json, or null when the enrichment failed
     */
    private byte[] applyChutesEnrichment(ModelListSource.Fetched enrichment, JsonNode models, List<String> warnings) {
        try {
            JsonNode tree = enrichment.tree();
            byte[] bytes = PythonJsonWriter.toBytes(tree);
            AtomicFiles.writeIfChanged(options.outputDirectory().resolve(CatalogLayout.CHUTES_CHUTES), bytes);
            ChutesEnrichment.apply(models, tree);
            return bytes;
        } catch (FetchException | IOException e) {
            warnings.add(enrichmentSkipped(e));
            return null;
        }
    }

    private static String enrichmentSkipped(Throwable cause) {
        return "chutes enrichment skipped, plain list written: " + cause.getMessage();
    }

    /** The provider's output manifest, or null without a cache. */
    private OutputManifest manifest(ProviderDefinition p) {
        return options.cache() == null
                ? null
                : new OutputManifest(options.cache().directory().resolve(p.name()));
    }

    private static String withoutProviderPrefix(String provider, String message) {
        String prefix = provider + ": ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private record ProviderRun(ProviderOutcome outcome, String date) {}
}
