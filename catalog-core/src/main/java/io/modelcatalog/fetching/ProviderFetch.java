package io.modelcatalog.fetching;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.documents.CodePointOrder;
import io.modelcatalog.fetching.ModelListSource.Document;
import io.modelcatalog.fetching.ProviderOutcome.Failed;
import io.modelcatalog.fetching.ProviderOutcome.Fetched;
import io.modelcatalog.fetching.ProviderOutcome.Listed;
import io.modelcatalog.fetching.ProviderOutcome.Skipped;
import io.modelcatalog.fetching.ProviderOutcome.Unchanged;
import io.modelcatalog.files.AtomicFiles;
import io.modelcatalog.files.FileErrors;
import io.modelcatalog.files.Sha256;
import io.modelcatalog.legacy.LegacyListFiles;
import io.modelcatalog.legacy.LegacyTxtReader;
import io.modelcatalog.legacy.LegacyTxtWriter;
import io.modelcatalog.legacy.PythonJsonWriter;
import io.modelcatalog.providers.ApiKey;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderEndpoint;
import io.modelcatalog.text.Plural;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.ExecutorService;

/**
 * One provider's fetch as the steps it goes through, each named for what it decides:
 *
 * <ol>
 *   <li>{@link #skipped}: no key, or its files exist under skip-existing: it is not asked for;
 *   <li>{@link #receive}: its model list, and its enrichment's document beside it;
 *   <li>{@link #keptAsTheyAre}: its files still hold what these very bodies made: nothing is parsed or written;
 *   <li>{@link #build}, holding a parse slot: the list's files are made ({@link #parse}), checked
 *       ({@link #checkEncodable}, {@link #checkShrink}), written ({@link #write}) and recorded ({@link #record}).
 * </ol>
 *
 * A provider problem in any step becomes a {@link Failed} outcome: nothing is thrown for it. One instance per
 * provider and run, used by one thread.
 */
final class ProviderFetch {

    /** What every provider of a run shares. */
    record Run(FetchOptions options, ModelListHttpClient http, ExecutorService pool, ParseSlots slots, String code) {}

    /**
     * The outcome, and for a list that was received the {@code Date} to record as its last success (the provider's,
     * or the run's clock when it sent none).
     */
    record Result(ProviderOutcome outcome, Optional<String> date) {}

    /**
     * What {@link #receive} got.
     *
     * @param extra    the enrichment's document, when there is one and it arrived
     * @param complete whether every document asked for arrived (an enrichment that failed leaves a plain list)
     */
    private record Received(Document list, Optional<Document> extra, boolean complete, String date) {

        /** Keeps fresh bodies in the cache: the files are, or are about to be, the ones they made. */
        void commit() throws IOException {
            list.commit();
            if (extra.isPresent()) {
                extra.get().commit();
            }
        }
    }

    /** The provider's files in the catalog, in the order the output manifest names them. */
    private record Outputs(Path json, Path txt, Path toml, Optional<Path> extra) {
        List<Path> all() {
            List<Path> all = new ArrayList<>(List.of(json, txt, toml));
            extra.ifPresent(all::add);
            return all;
        }
    }

    private final Run run;
    private final FetchOptions options;
    private final ProviderDefinition provider;
    private final Optional<ListEnrichment> enrichment;
    private final Path root;
    private final long start = System.nanoTime();
    /** Things that go wrong without failing the provider; only the enrichment adds any. */
    private final List<String> warnings = new ArrayList<>();

    ProviderFetch(Run run, ProviderDefinition provider) {
        this.run = run;
        this.options = run.options();
        this.provider = provider;
        this.enrichment = provider.enrichment().map(ListEnrichment::of);
        this.root = options.outputDirectory();
    }

    Result fetch() {
        Optional<ApiKey> key =
                provider.kind().needsKey() ? options.credentials().find(provider) : Optional.empty();
        Optional<Skipped> skipped = skipped(key);
        if (skipped.isPresent()) {
            return new Result(skipped.get(), Optional.empty());
        }
        ProviderEndpoint endpoint = ProviderEndpoint.resolve(provider, options.env());
        try {
            Received received = receive(endpoint, key);
            Outputs files = files(received);
            Optional<String> inputs = inputs(endpoint, received, files);
            Optional<Unchanged> kept = keptAsTheyAre(received, inputs);
            Listed listed = kept.isPresent()
                    ? kept.get()
                    // from here on it is parsing and writing: only as many providers at once as there are slots
                    : run.slots().holding(() -> build(endpoint, received, files, inputs));
            return new Result(listed, Optional.of(received.date()));
        } catch (FetchException e) {
            return failed(e.problem(), withoutProviderPrefix(e.getMessage()));
        } catch (IOException e) {
            return failed(
                    FetchProblem.OTHER,
                    "cannot write its files in " + root + " or the cache: " + FileErrors.explain(e));
        }
    }

    /** Not asked for: no key (offline, a cached list needs none), or skip-existing and its three files exist. */
    private Optional<Skipped> skipped(Optional<ApiKey> key) {
        if (provider.kind().needsKey() && key.isEmpty() && !replayableOffline()) {
            return Optional.of(new Skipped(
                    provider.name(),
                    Skipped.Reason.NO_KEY,
                    provider.apiKeyEnv() == null
                            ? "no API key, and the provider names no key variable"
                            : "no API key: set " + provider.apiKeyEnv()));
        }
        CatalogLayout layout = options.layout();
        if (options.skipExisting()
                && Files.exists(layout.json(root, provider.name()))
                && Files.exists(layout.txt(root, provider.name()))
                && Files.exists(layout.toml(root, provider.name()))) {
            return Optional.of(new Skipped(provider.name(), Skipped.Reason.FILES_EXIST, "its three files exist"));
        }
        return Optional.empty();
    }

    /** Offline, a folder of recorded responses replays without a key. */
    private boolean replayableOffline() {
        return options.network().offline()
                && options.cache() != null
                && Files.isRegularFile(options.cache().bodyFile(provider, ResponseCache.MODELS));
    }

    /** The model list, and the enrichment's document, which needs only the key, requested while the list is. */
    private Received receive(ProviderEndpoint endpoint, Optional<ApiKey> key) throws FetchException, IOException {
        ModelListSource source = new ModelListSource(
                run.http(), options.cache(), options.network().offline());
        Optional<CompletableFuture<Document>> pending = key.isEmpty()
                ? Optional.empty()
                : enrichment.map(
                        e -> CompletableFuture.supplyAsync(() -> requestExtra(source, e, key.get()), run.pool()));
        Document list = source.fetch(provider, ProviderRequests.modelList(endpoint, key), ResponseCache.MODELS);
        String date = list.date() != null
                ? list.date()
                : DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(options.clock()));
        Optional<Document> extra = pending.flatMap(this::joinExtra);
        return new Received(list, extra, pending.isEmpty() || extra.isPresent(), date);
    }

    private Document requestExtra(ModelListSource source, ListEnrichment e, ApiKey key) {
        try {
            return source.fetch(provider, e.request(provider, key, options.env()), e.cacheEntry());
        } catch (FetchException | IOException x) {
            throw new CompletionException(x);
        }
    }

    /** The enrichment's document, or empty after a warning when it failed. */
    private Optional<Document> joinExtra(CompletableFuture<Document> pending) {
        try {
            return Optional.of(pending.join());
        } catch (CompletionException e) {
            warnings.add(enrichment.orElseThrow().skipped(e.getCause() != null ? e.getCause() : e));
            return Optional.empty();
        }
    }

    private Outputs files(Received received) {
        CatalogLayout layout = options.layout();
        String name = provider.name();
        return new Outputs(
                layout.json(root, name),
                layout.txt(root, name),
                layout.toml(root, name),
                received.extra().map(d -> root.resolve(enrichment.orElseThrow().file())));
    }

    /**
     * The digest of everything the files are made from, when the output manifest can go by it: a cache, and the
     * digest of every body asked for.
     */
    private Optional<String> inputs(ProviderEndpoint endpoint, Received received, Outputs files) {
        if (options.cache() == null
                || !received.complete()
                || received.list().digest() == null
                || received.extra().isPresent() && received.extra().get().digest() == null) {
            return Optional.empty();
        }
        List<String> digests = new ArrayList<>(List.of(received.list().digest()));
        received.extra().ifPresent(d -> digests.add(d.digest()));
        return Optional.of(OutputManifest.inputs(
                run.code(), provider.name(), endpoint.configBaseUrl(), provider.apiKeyEnv(), digests, files.all()));
    }

    /** The cached bodies again, and the files still hold what they produced: nothing to parse or write. */
    private Optional<Unchanged> keptAsTheyAre(Received received, Optional<String> inputs) throws IOException {
        OptionalInt models = inputs.isEmpty() ? OptionalInt.empty() : manifest().unchanged(inputs.get());
        if (models.isEmpty()) {
            return Optional.empty();
        }
        received.commit();
        Document list = received.list();
        return Optional.of(new Unchanged(
                provider.name(), models.getAsInt(), list.bytes(), millis(), list.source(), true, warnings));
    }

    /**
     * The list's legacy files, and the bytes of the enrichment's catalog file when it was kept.
     *
     * @param extraFile empty when there is no enrichment's document, or it could not be read or kept
     */
    private record Parsed(LegacyListFiles legacy, Optional<byte[]> extraFile) {}

    /** Makes, checks and writes the list's files, and records them. */
    private Listed build(ProviderEndpoint endpoint, Received received, Outputs files, Optional<String> inputs)
            throws FetchException, IOException {
        Parsed parsed = parse(received);
        LegacyListFiles legacy = parsed.legacy();
        List<String> ids = legacy.ids();
        checkEncodable(ids);
        List<String> previous = LegacyTxtReader.read(files.txt());
        checkShrink(ids.size(), previous, files.txt());
        Map<Path, AtomicFiles.Written> written = write(endpoint, legacy, files);
        boolean changed = written.values().stream().anyMatch(AtomicFiles.Written::changed);
        record(inputs, received, files, ids.size(), written, parsed.extraFile());
        Document list = received.list();
        return changed
                ? new Fetched(
                        provider.name(),
                        ids.size(),
                        list.bytes(),
                        millis(),
                        list.source(),
                        difference(ids, previous),
                        difference(previous, ids),
                        warnings)
                : new Unchanged(provider.name(), ids.size(), list.bytes(), millis(), list.source(), false, warnings);
    }

    /**
     * The legacy files of the list: streamed from its bytes, or, with an enrichment's document, from the list's tree
     * with the document merged into it (the tree's bytes read back to the same tree).
     */
    private Parsed parse(Received received) throws FetchException, IOException {
        if (received.extra().isEmpty()) {
            return new Parsed(received.list().files(), Optional.empty());
        }
        JsonNode tree = received.list().tree();
        Optional<byte[]> extraFile = enrich(tree, received.extra().get());
        return new Parsed(LegacyListFiles.read(PythonJsonWriter.toBytes(tree), provider.name(), true), extraFile);
    }

    /**
     * Keeps the enrichment's document as its catalog file and merges it into {@code models}; a failure only warns.
     *
     * @return the file's bytes, or empty when the document could not be read or kept
     */
    private Optional<byte[]> enrich(JsonNode models, Document extra) {
        ListEnrichment e = enrichment.orElseThrow();
        try {
            JsonNode document = extra.tree();
            byte[] bytes = PythonJsonWriter.toBytes(document);
            AtomicFiles.writeIfChanged(root.resolve(e.file()), bytes);
            e.merge(models, document);
            return Optional.of(bytes);
        } catch (FetchException | IOException x) {
            warnings.add(e.skipped(x));
            return Optional.empty();
        }
    }

    /** A lone surrogate cannot be written as UTF-8: the txt and TOML files cannot hold the list. */
    private void checkEncodable(List<String> ids) throws FetchException {
        Optional<String> unencodable = LegacyTxtWriter.unencodableId(ids);
        if (unencodable.isPresent()) {
            throw new FetchException(provider.name() + ": model id \"" + LegacyTxtWriter.escaped(unencodable.get())
                    + "\" holds a lone surrogate (an unpaired \\ud800-\\udfff escape) that UTF-8 cannot"
                    + " encode, so its txt and TOML files cannot be written (the legacy tool fails on it too)");
        }
    }

    /** The integrity gate: a list that lost more than half its models (or all) is not written. */
    private void checkShrink(int now, List<String> previous, Path txt) throws FetchException {
        int before = previous.size();
        if (options.allowShrink() || before == 0 || now * 2 >= before && now > 0) {
            return;
        }
        throw new FetchException(
                provider.name() + ": refusing to write " + Plural.of(now, "model") + " over the " + before + " of "
                        + txt.getFileName() + " (less than half)",
                0,
                FetchProblem.SHRINK);
    }

    /** Writes the three files, each only when its bytes changed. */
    private Map<Path, AtomicFiles.Written> write(ProviderEndpoint endpoint, LegacyListFiles legacy, Outputs files)
            throws IOException {
        Map<Path, AtomicFiles.Written> written = new LinkedHashMap<>();
        written.put(files.json(), AtomicFiles.writeIfChanged(files.json(), legacy.json()));
        written.put(files.txt(), AtomicFiles.writeIfChanged(files.txt(), legacy.txt()));
        written.put(
                files.toml(),
                AtomicFiles.writeIfChanged(
                        files.toml(), legacy.toml(provider.name(), endpoint.configBaseUrl(), provider.apiKeyEnv())));
        return written;
    }

    /**
     * Records in the output manifest what the files were built from and hold; without a digest of every input (or
     * with an enrichment's document that could not be kept) the manifest is removed, so the next run rebuilds.
     */
    private void record(
            Optional<String> inputs,
            Received received,
            Outputs files,
            int models,
            Map<Path, AtomicFiles.Written> written,
            Optional<byte[]> extraFile)
            throws IOException {
        if (options.cache() == null) {
            return;
        }
        if (inputs.isEmpty() || received.extra().isPresent() && extraFile.isEmpty()) {
            manifest().forget();
            return;
        }
        Map<Path, AtomicFiles.Written> all = new LinkedHashMap<>(written);
        extraFile.ifPresent(bytes ->
                all.put(files.extra().orElseThrow(), new AtomicFiles.Written(false, bytes.length, Sha256.of(bytes))));
        manifest().record(inputs.get(), models, all);
    }

    private OutputManifest manifest() {
        return new OutputManifest(options.cache().directory().resolve(provider.name()));
    }

    private Result failed(FetchProblem problem, String message) {
        return new Result(new Failed(provider.name(), millis(), problem, message), Optional.empty());
    }

    private String withoutProviderPrefix(String message) {
        String prefix = provider.name() + ": ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private long millis() {
        return (System.nanoTime() - start) / 1_000_000;
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
}
