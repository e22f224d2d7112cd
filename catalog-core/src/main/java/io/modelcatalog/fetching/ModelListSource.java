package io.modelcatalog.fetching;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.documents.DocumentParseException;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.providers.ProviderDefinition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Gets one provider's model-list document: from the network with conditional requests (its pages read by
 * {@link ModelListPages}), or from the response cache (a 304, or offline mode).
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

    /**
     * The document.
     *
     * @param tree     the parsed document (all pages merged)
     * @param bytes    bytes received (0 when it came from the cache)
     * @param date     the {@code Date} the provider answered with, or null
     * @param source   where it came from, for the log: {@code network}, {@code cache (304)}, {@code cache (offline)}
     */
    record Fetched(JsonNode tree, long bytes, String date, String source) {}

    Fetched fetch(ProviderDefinition provider, HttpRequestSpec request, String entry)
            throws FetchException, IOException {
        Optional<ResponseCache.Entry> cached = cache == null ? Optional.empty() : cache.read(provider, entry);
        if (offline) {
            ResponseCache.Entry hit = cached.orElseThrow(() -> new FetchException(
                    provider.name() + ": offline and nothing cached for it"
                            + (cache == null ? " (no cache folder configured)" : " in " + cache.directory())
                            + "; run once online to fill the cache",
                    0,
                    FetchProblem.OFFLINE_MISS));
            return new Fetched(parseCached(provider, entry, hit), 0, hit.date(), "cache (offline)");
        }
        ModelListPages pages = new ModelListPages(provider, request);
        HttpRequestSpec conditional = pages.firstPage();
        Optional<ResponseCache.Entry> usable =
                cached.filter(c -> request.uri().toString().equals(c.url()));
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
            if (usable.isPresent()) {
                ResponseCache.Entry hit = usable.get();
                return new Fetched(
                        parseCached(provider, entry, hit),
                        0,
                        body.header("date").orElse(hit.date()),
                        "cache (304)");
            }
            body = http.get(pages.firstPage());
        }
        ModelListPages.Merged list = pages.read(http, body);
        if (cache != null) {
            cache.write(
                    provider,
                    entry,
                    new ResponseCache.Entry(
                            request.uri().toString(),
                            list.merged() != null ? list.merged() : ModelListPages.cacheableBody(body),
                            body.header("etag").orElse(null),
                            body.header("last-modified").orElse(null),
                            body.header("date").orElse(null)));
        }
        return new Fetched(
                list.tree(),
                list.bytes(),
                body.header("date").orElse(null),
                list.pages() > 1 ? "network, " + list.pages() + " pages" : "network");
    }

    /** A cached body; a damaged one fails naming its file and what to do. */
    private JsonNode parseCached(ProviderDefinition provider, String entry, ResponseCache.Entry hit)
            throws FetchException {
        Path file = cache.bodyFile(provider, entry);
        try {
            return JsonDocuments.parse(hit.body(), file.toString());
        } catch (DocumentParseException e) {
            throw new FetchException(provider.name() + ": cached response " + e.getMessage() + "; delete "
                    + file.getParent() + " and fetch online to refill it");
        }
    }
}
