package io.modelcatalog.fetching;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.documents.DocumentParseException;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.files.FileStamp;
import io.modelcatalog.providers.ProviderDefinition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Gets one provider's model-list document: from the network with conditional requests (its pages read by
 * {@link ModelListPages}), or from the response cache (a 304, or offline mode).
 *
 * <p>A document known to be the cached one (a 304, or a 200 that repeats the cached bytes) is not parsed until
 * someone asks for its tree: when the catalog's files still hold what that body produced, nobody does. A 304 whose
 * cached body is damaged (its bytes are not those stored) is answered by an unconditional request.
 */
final class ModelListSource {

    private final ModelListHttpClient http;
    private final ResponseCache cache;
    private final boolean offline;

    ModelListSource(ModelListHttpClient http, ResponseCache cache, boolean offline) {
        this.http = http;
        this.cache = cache;
        this.offline = offline;
    }

    /** The body a document comes from, parsed when first asked for. */
    @FunctionalInterface
    private interface Parse {
        JsonNode tree() throws FetchException, IOException;
    }

    /** The document of one fetch; {@link #tree()} parses it on first use. */
    static final class Fetched {
        private final Parse parse;
        private final String digest;
        private final long bytes;
        private final String date;
        private final String source;
        private JsonNode tree;

        private Fetched(Parse parse, JsonNode tree, String digest, long bytes, String date, String source) {
            this.parse = parse;
            this.tree = tree;
            this.digest = digest;
            this.bytes = bytes;
            this.date = date;
            this.source = source;
        }

        /** The parsed document (all pages merged). */
        JsonNode tree() throws FetchException, IOException {
            if (tree == null) {
                tree = parse.tree();
            }
            return tree;
        }

        /** The SHA-256 of the body the tree is read from (what the cache holds), or null when not known. */
        String digest() {
            return digest;
        }

        /** Bytes received (0 when it came from the cache). */
        long bytes() {
            return bytes;
        }

        /** The {@code Date} the provider answered with, or null. */
        String date() {
            return date;
        }

        /**
         * Where it came from, for the log: {@code network}, {@code network, 3 pages}, {@code network, same body},
         * {@code cache (304)}, {@code cache (offline)}.
         */
        String source() {
            return source;
        }
    }

    Fetched fetch(ProviderDefinition provider, HttpRequestSpec request, String entry)
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
                parseCached(provider, entry, hit.body());
                throw damaged(provider, entry, "its bytes are not those that were stored");
            }
            return new Fetched(
                    () -> parseCached(provider, entry, hit.body()),
                    null,
                    hit.stamp() == null ? null : hit.stamp().sha256(),
                    0,
                    hit.date(),
                    "cache (offline)");
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
            Optional<Fetched> fromCache = usable.isPresent()
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
        String digest = cache == null ? null : FileStamp.sha256(decoded);
        if (usable.isPresent()
                && usable.get().body() != null
                && usable.get().body().sha256().equals(digest)) {
            // the cached document again: no page follows it, and nothing needs parsing unless the outputs changed
            HttpBody first = body;
            Fetched same = new Fetched(
                    () -> ModelListPages.parseDecoded(provider.name(), first, decoded),
                    null,
                    digest,
                    body.length(),
                    date,
                    "network, same body");
            store(provider, request, entry, decoded, digest, body);
            return same;
        }
        ModelListPages.Merged list = pages.read(http, body, decoded);
        if (list.pages() > 1 && cache != null) {
            digest = FileStamp.sha256(list.cacheable());
        }
        store(provider, request, entry, list.cacheable(), digest, body);
        return new Fetched(
                null,
                list.tree(),
                digest,
                list.bytes(),
                date,
                list.pages() > 1 ? "network, " + list.pages() + " pages" : "network");
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

    /**
     * The cached document for a 304: unparsed when the body file is vouched for by its stamp; an entry without a
     * stamp (from an older version) is read and parsed now. Empty when the entry is damaged.
     */
    private Optional<Fetched> notModified(
            ProviderDefinition provider, String entry, ResponseCache.Meta meta, Optional<String> date)
            throws IOException {
        String when = date.orElse(meta.date());
        if (meta.body() != null) {
            if (!cache.intact(provider, entry, meta)) {
                return Optional.empty();
            }
            return Optional.of(new Fetched(
                    () -> {
                        ResponseCache.Entry hit =
                                cache.read(provider, entry).orElseThrow(() -> damaged(provider, entry, "it is gone"));
                        if (!hit.bodyAsWritten()) {
                            throw damaged(provider, entry, "its bytes are not those that were stored");
                        }
                        return parseCached(provider, entry, hit.body());
                    },
                    null,
                    meta.body().sha256(),
                    0,
                    when,
                    "cache (304)"));
        }
        Optional<ResponseCache.Entry> hit = cache.read(provider, entry);
        if (hit.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode tree = parseCached(provider, entry, hit.get().body());
            return Optional.of(new Fetched(null, tree, null, 0, when, "cache (304)"));
        } catch (FetchException e) {
            return Optional.empty();
        }
    }

    private FetchException damaged(ProviderDefinition provider, String entry, String why) {
        Path file = cache.bodyFile(provider, entry);
        return new FetchException(provider.name() + ": cached response " + file + " is damaged (" + why + "); delete "
                + file.getParent() + " and fetch online to refill it");
    }

    /** A cached body; a damaged one fails naming its file and what to do. */
    private JsonNode parseCached(ProviderDefinition provider, String entry, byte[] body) throws FetchException {
        Path file = cache.bodyFile(provider, entry);
        try {
            return JsonDocuments.parse(body, file.toString());
        } catch (DocumentParseException e) {
            throw new FetchException(provider.name() + ": cached response " + e.getMessage() + "; delete "
                    + file.getParent() + " and fetch online to refill it");
        }
    }
}
