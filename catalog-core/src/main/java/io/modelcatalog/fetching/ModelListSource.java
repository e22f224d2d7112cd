package io.modelcatalog.fetching;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.documents.DocumentParseException;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.files.Sha256;
import io.modelcatalog.legacy.LegacyListFiles;
import io.modelcatalog.providers.ProviderDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Gets one provider's model-list document: from the network with conditional requests (its pages read by
 * {@link ModelListPages}), or from the response cache (a 304, or offline mode).
 *
 * <p>The document is handed on as its bytes, parsed by whoever needs it: the legacy files are made from the bytes one
 * model at a time ({@link LegacyListFiles}), and a document known to be the cached one (a 304, or a 200 that repeats
 * the cached bytes) is not even read while the catalog's files still hold what it produced. A body is parsed here only
 * when it may have more pages. A 304 whose cached body is damaged (its bytes are not those stored) is answered by an
 * unconditional request.
 */
final class ModelListSource {

    /** Only a body holding this may have more pages (a 200 without it is not parsed here). */
    private static final byte[] HAS_MORE = "\"has_more\"".getBytes(StandardCharsets.US_ASCII);

    private final ModelListHttpClient http;
    private final ResponseCache cache;
    private final boolean offline;

    ModelListSource(ModelListHttpClient http, ResponseCache cache, boolean offline) {
        this.http = http;
        this.cache = cache;
        this.offline = offline;
    }

    /** Where a document's bytes come from, read when first asked for. */
    @FunctionalInterface
    private interface Load {
        byte[] bytes() throws FetchException, IOException;
    }

    /** Turns a parse error of the document into the provider's failure, naming where the bytes came from. */
    @FunctionalInterface
    private interface Invalid {
        FetchException of(DocumentParseException e);
    }

    /** Keeps a fresh body in the cache, once it is known to parse. */
    @FunctionalInterface
    private interface Keep {
        void run() throws IOException;
    }

    /**
     * The document of one fetch, as bytes; {@link #tree()} and {@link #files()} parse them. A fresh body goes into the
     * cache once it parsed, or once {@link #commit()} says it is the one the files were built from.
     */
    static final class Document {
        private Load load;
        private final boolean decoded;
        private final String where;
        private Invalid invalid;
        private final String digest;
        private final long bytes;
        private final String date;
        private final ListSource source;
        private byte[] document;
        private JsonNode tree;
        private Keep keep;

        private Document(
                Load load,
                boolean decoded,
                String where,
                Invalid invalid,
                String digest,
                long bytes,
                String date,
                ListSource source) {
            this.load = load;
            this.decoded = decoded;
            this.where = where;
            this.invalid = invalid;
            this.digest = digest;
            this.bytes = bytes;
            this.date = date;
            this.source = source;
        }

        private Document withTree(JsonNode value) {
            this.tree = value;
            return this;
        }

        private Document keeping(Keep value) {
            this.keep = value;
            return this;
        }

        /** Stores a fresh body in the cache (a body that parsed, or the one the kept files were built from). */
        void commit() throws IOException {
            if (keep != null) {
                Keep k = keep;
                keep = null;
                k.run();
            }
        }

        private byte[] document() throws FetchException, IOException {
            if (document == null) {
                if (load == null) {
                    throw new IllegalStateException("the document was let go after its files were read");
                }
                document = load.bytes();
            }
            return document;
        }

        /** The parsed document (all pages merged). */
        JsonNode tree() throws FetchException, IOException {
            if (tree == null) {
                try {
                    tree = decoded
                            ? JsonDocuments.parseDecoded(document(), where)
                            : JsonDocuments.parse(document(), where);
                } catch (DocumentParseException e) {
                    throw invalid.of(e);
                }
            }
            commit();
            return tree;
        }

        /** The legacy files of the document; its bytes are let go (they are in the cache). */
        LegacyListFiles files() throws FetchException, IOException {
            LegacyListFiles files;
            try {
                files = LegacyListFiles.read(document(), where, decoded);
            } catch (DocumentParseException e) {
                throw invalid.of(e);
            } finally {
                document = null;
            }
            commit();
            // nothing reads the body again: let it go (with the response holding it) before the files are written
            load = null;
            invalid = null;
            return files;
        }

        /** The SHA-256 of the document's bytes (what the cache holds), or null when not known. */
        String digest() {
            return digest;
        }

        /** Bytes of the body used: received, or the cached body's size (a 304, offline). */
        long bytes() {
            return bytes;
        }

        /** The {@code Date} the provider answered with, or null. */
        String date() {
            return date;
        }

        /** Where it came from. */
        ListSource source() {
            return source;
        }
    }

    Document fetch(ProviderDefinition provider, HttpRequestSpec request, String entry)
            throws FetchException, IOException {
        if (offline) {
            Optional<ResponseCache.Entry> cached = cache == null ? Optional.empty() : cache.read(provider, entry);
            ResponseCache.Entry hit = cached.orElseThrow(() -> new FetchException(
                    provider.name() + ": offline and nothing cached for it"
                            + (cache == null ? " (no cache folder configured)" : " in " + cache.directory())
                            + "; run once online to fill the cache",
                    0,
                    FetchProblem.OFFLINE_MISS));
            if (!hit.bodyAsWritten()) {
                // where it no longer parses, say where; else that it is not what was stored
                cached(provider, entry, () -> hit.body(), null, hit.body().length, null, ListSource.Cache.OFFLINE)
                        .tree();
                throw damaged(provider, entry, "its bytes are not those that were stored");
            }
            return cached(
                    provider,
                    entry,
                    hit::body,
                    hit.stamp() == null ? null : hit.stamp().sha256(),
                    hit.body().length,
                    hit.date(),
                    ListSource.Cache.OFFLINE);
        }
        Optional<ResponseCache.Meta> usable = (cache == null
                        ? Optional.<ResponseCache.Meta>empty()
                        : cache.meta(provider, entry))
                .filter(c -> request.uri().toString().equals(c.url()));
        ModelListPages pages = new ModelListPages(provider, request);
        HttpRequestSpec conditional = pages.firstPage();
        if (usable.isPresent()) {
            if (usable.get().etag() != null) {
                conditional =
                        conditional.withHeader("If-None-Match", usable.get().etag());
            }
            if (usable.get().lastModified() != null) {
                conditional =
                        conditional.withHeader("If-Modified-Since", usable.get().lastModified());
            }
        }
        HttpBody body = http.get(conditional);
        if (body.status() == 304) {
            Optional<Document> fromCache = usable.isPresent()
                    ? notModified(provider, entry, usable.get(), body.header("date"))
                    : Optional.empty();
            if (fromCache.isPresent()) {
                return fromCache.get();
            }
            // nothing usable to go with the 304 (the entry is gone or damaged): ask for the whole body
            body = http.get(pages.firstPage());
        }
        byte[] decoded = ModelListPages.decode(provider.name(), body);
        String date = body.header("date").orElse(null);
        // what the cache and the output manifest go by; neither is kept without a cache
        String digest = cache == null ? null : Sha256.of(decoded);
        HttpBody first = body;
        Invalid invalid = e -> ModelListPages.invalid(provider.name(), first, e);
        if (usable.isPresent()
                && usable.get().body() != null
                && usable.get().body().sha256().equals(digest)) {
            // the cached document again: no page follows it, and nothing needs parsing unless the outputs changed
            store(provider, request, entry, decoded, digest, body);
            return new Document(
                    () -> decoded,
                    true,
                    ModelListPages.where(body),
                    invalid,
                    digest,
                    body.length(),
                    date,
                    new ListSource.Network(1, true));
        }
        if (!contains(decoded, HAS_MORE)) {
            // a single page for sure; cached once it parsed
            String d = digest;
            return new Document(
                            () -> decoded,
                            true,
                            ModelListPages.where(body),
                            invalid,
                            digest,
                            body.length(),
                            date,
                            ListSource.Network.onePage())
                    .keeping(() -> store(provider, request, entry, decoded, d, first));
        }
        ModelListPages.Merged list = pages.read(http, body, decoded);
        if (list.pages() > 1 && cache != null) {
            digest = Sha256.of(list.cacheable());
        }
        store(provider, request, entry, list.cacheable(), digest, body);
        byte[] document = list.cacheable();
        return new Document(
                        () -> document,
                        true,
                        ModelListPages.where(body),
                        invalid,
                        digest,
                        list.bytes(),
                        date,
                        new ListSource.Network(list.pages(), false))
                .withTree(list.tree());
    }

    private void store(
            ProviderDefinition provider,
            HttpRequestSpec request,
            String entry,
            byte[] body,
            String digest,
            HttpBody first)
            throws IOException {
        if (cache != null) {
            cache.write(
                    provider,
                    entry,
                    new ResponseCache.Entry(
                            request.uri().toString(),
                            body,
                            first.header("etag").orElse(null),
                            first.header("last-modified").orElse(null),
                            first.header("date").orElse(null)),
                    digest);
        }
    }

    /** A document read from the cache entry; a damaged one fails naming its file and what to do. */
    private Document cached(
            ProviderDefinition provider,
            String entry,
            Load load,
            String digest,
            long bytes,
            String date,
            ListSource source) {
        Path file = cache.bodyFile(provider, entry);
        return new Document(
                load,
                false,
                file.toString(),
                e -> new FetchException(provider.name() + ": cached response " + e.getMessage() + "; delete "
                        + file.getParent() + " and fetch online to refill it"),
                digest,
                bytes,
                date,
                source);
    }

    /**
     * The cached document for a 304: unread when the body file is vouched for by its stamp; an entry without a stamp
     * (from an older version) is read and parsed now. Empty when the entry is damaged.
     */
    private Optional<Document> notModified(
            ProviderDefinition provider, String entry, ResponseCache.Meta meta, Optional<String> date)
            throws IOException {
        String when = date.orElse(meta.date());
        if (meta.body() != null) {
            if (!cache.intact(provider, entry, meta)) {
                return Optional.empty();
            }
            return Optional.of(cached(
                    provider,
                    entry,
                    () -> {
                        ResponseCache.Entry hit =
                                cache.read(provider, entry).orElseThrow(() -> damaged(provider, entry, "it is gone"));
                        if (!hit.bodyAsWritten()) {
                            throw damaged(provider, entry, "its bytes are not those that were stored");
                        }
                        return hit.body();
                    },
                    meta.body().sha256(),
                    meta.body().size(),
                    when,
                    ListSource.Cache.NOT_MODIFIED));
        }
        Optional<ResponseCache.Entry> hit = cache.read(provider, entry);
        if (hit.isEmpty()) {
            return Optional.empty();
        }
        Document fetched = cached(
                provider, entry, hit.get()::body, null, hit.get().body().length, when, ListSource.Cache.NOT_MODIFIED);
        try {
            fetched.tree();
            return Optional.of(fetched);
        } catch (FetchException e) {
            return Optional.empty();
        }
    }

    private FetchException damaged(ProviderDefinition provider, String entry, String why) {
        Path file = cache.bodyFile(provider, entry);
        return new FetchException(provider.name() + ": cached response " + file + " is damaged (" + why + "); delete "
                + file.getParent() + " and fetch online to refill it");
    }

    /** Whether {@code bytes} hold {@code pattern} anywhere. */
    static boolean contains(byte[] bytes, byte[] pattern) {
        byte first = pattern[0];
        int last = bytes.length - pattern.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (bytes[i] != first) {
                continue;
            }
            for (int j = 1; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
