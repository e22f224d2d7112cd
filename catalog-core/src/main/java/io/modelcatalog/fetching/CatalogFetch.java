package io.modelcatalog.fetching;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.CatalogVersion;
import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.catalog.FailedModels;
import io.modelcatalog.documents.CodePointOrder;
import io.modelcatalog.documents.ModelList;
import io.modelcatalog.files.AtomicFiles;
import io.modelcatalog.legacy.LegacyTomlWriter;
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
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
     * @throws IOException when {@code failed_models.json} cannot be read or written
     */
    public FetchReport run(FetchListener listener) throws IOException {
        long start = System.nanoTime();
        Path out = options.outputDirectory();
        Path failedFile = out.resolve(CatalogLayout.FAILED_MODELS);
        FailedModels failed = FailedModels.read(failedFile);

        List<ProviderDefinition> selected = options.providers();
        if (options.failedRescan()) {
            Set<String> rescan = Set.copyOf(failed.failedProviders());
            selected = selected.stream().filter(p -> rescan.contains(p.name())).toList();
        }
        Files.createDirectories(out);

        List<ProviderOutcome> outcomes = new ArrayList<>();
        Map<String, String> lastSuccess = new LinkedHashMap<>();
        if (!selected.isEmpty()) {
            // one more thread than providers: Chutes' enrichment request runs beside its model list
            int threads = Math.min(selected.size() + 1, options.network().concurrency() + 1);
            AtomicInteger n = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "catalog-fetch-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            try (ModelListHttpClient http = new ModelListHttpClient(options.network(), CatalogVersion.userAgent())) {
                List<Future<ProviderRun>> futures = new ArrayList<>();
                for (ProviderDefinition p : selected) {
                    futures.add(pool.submit(() -> {
                        ProviderRun run = fetchOne(http, pool, p);
                        listener.completed(run.outcome);
                        return run;
                    }));
                }
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
        AtomicFiles.writeIfChanged(failedFile, failed.toBytes());
        return new FetchReport(outcomes, (System.nanoTime() - start) / 1_000_000);
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
    private ProviderRun fetchOne(ModelListHttpClient http, ExecutorService pool, ProviderDefinition p) {
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
        try {
            ModelListSource source =
                    new ModelListSource(http, options.cache(), options.network().offline());
            // the enrichment needs only the key, so it is requested while the model list is
            CompletableFuture<JsonNode> enrichment = p.name().equals(ChutesEnrichment.PROVIDER) && key.isPresent()
                    ? CompletableFuture.supplyAsync(() -> fetchChutesEnrichment(source, p, key.get()), pool)
                    : null;
            ModelListSource.Fetched fetched =
                    source.fetch(p, ProviderRequests.modelList(endpoint, key), ResponseCache.MODELS);
            JsonNode tree = fetched.tree();
            List<String> warnings = new ArrayList<>();
            if (enrichment != null) {
                applyChutesEnrichment(enrichment, tree, warnings);
            }
            ModelList list = ModelList.of(tree);
            Optional<String> unencodable = LegacyTxtWriter.unencodableId(list);
            if (unencodable.isPresent()) {
                throw new FetchException(p.name() + ": model id \"" + LegacyTxtWriter.escaped(unencodable.get())
                        + "\" holds a lone surrogate (an unpaired \\ud800-\\udfff escape) that UTF-8 cannot"
                        + " encode, so its txt and TOML files cannot be written (the legacy tool fails on it too)");
            }
            List<String> previous = LegacyTxtReader.read(layout.txt(root, p.name()));
            checkShrink(p, list, previous, layout.txt(root, p.name()));
            byte[] json = PythonJsonWriter.toBytes(list.document());
            byte[] txt = LegacyTxtWriter.toBytes(list);
            byte[] toml = LegacyTomlWriter.toBytes(p.name(), endpoint.configBaseUrl(), p.apiKeyEnv(), list);
            boolean changed = AtomicFiles.writeIfChanged(layout.json(root, p.name()), json);
            changed |= AtomicFiles.writeIfChanged(layout.txt(root, p.name()), txt);
            changed |= AtomicFiles.writeIfChanged(layout.toml(root, p.name()), toml);
            String date = fetched.date() != null
                    ? fetched.date()
                    : DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(options.clock()));
            ProviderOutcome outcome = new ProviderOutcome(
                    p.name(),
                    changed ? ProviderOutcome.Status.FETCHED : ProviderOutcome.Status.UNCHANGED,
                    list.ids().size(),
                    fetched.bytes(),
                    millisSince(t0),
                    null,
                    null,
                    warnings,
                    fetched.source(),
                    difference(list.ids(), previous),
                    difference(previous, list.ids()));
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
                            "cannot write its files in " + root + " or the cache: " + e.getMessage(),
                            FetchProblem.OTHER),
                    null);
        }
    }

    private boolean replayableOffline(ProviderDefinition p) {
        return options.network().offline()
                && options.cache() != null
                && Files.isRegularFile(options.cache().bodyFile(p, ResponseCache.MODELS));
    }

    /** The integrity gate: a list that lost more than half its models (or all) is not written. */
    private void checkShrink(ProviderDefinition p, ModelList list, List<String> previous, Path txt)
            throws FetchException {
        int before = previous.size();
        int now = list.ids().size();
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

    private JsonNode fetchChutesEnrichment(ModelListSource source, ProviderDefinition chutes, ApiKey key) {
        String url = options.env().get(ChutesEnrichment.URL_ENV).orElse(ChutesEnrichment.DEFAULT_URL);
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Accept", "application/json");
            headers.put("Authorization", key.reveal());
            HttpRequestSpec request = new HttpRequestSpec(
                    ChutesEnrichment.PROVIDER,
                    ProviderRequests.uri(ChutesEnrichment.PROVIDER, url),
                    headers,
                    Set.of("Authorization"));
            return source.fetch(chutes, request, ChutesEnrichment.CACHE_ENTRY).tree();
        } catch (FetchException | IOException e) {
            throw new CompletionException(e);
        }
    }

    /** Saves the enrichment body as chutes_chutes.json and applies it; a failure only warns. */
    private void applyChutesEnrichment(CompletableFuture<JsonNode> pending, JsonNode models, List<String> warnings) {
        try {
            JsonNode enrichment = pending.join();
            AtomicFiles.writeIfChanged(
                    options.outputDirectory().resolve(CatalogLayout.CHUTES_CHUTES),
                    PythonJsonWriter.toBytes(enrichment));
            ChutesEnrichment.apply(models, enrichment);
        } catch (CompletionException | IOException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            warnings.add("chutes enrichment skipped, plain list written: " + cause.getMessage());
        }
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
