package io.modelcatalog.fetching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcatalog.documents.DocumentParseException;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.legacy.PythonJsonWriter;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderKind;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Gets one provider's model-list document: from the network with conditional requests and pagination, or from
 * the response cache (a 304, or offline mode).
 *
 * <p>Pagination: Anthropic pages with {@code limit=1000} and {@code after_id} while {@code has_more}; an
 * OpenAI-style list that answers {@code has_more: true} is followed with {@code after} (OpenAI's list
 * convention). The cursor is {@code last_id}, or the last item's id where a gateway leaves {@code last_id} null. The written document is the first page whose {@code data} holds every page's
 * items, with {@code has_more: false} and the last page's {@code last_id}. A page limit and a repeated-cursor
 * check guard against loops.
 */
final class ModelListSource {

    static final int MAX_PAGES = 500;
    static final String ANTHROPIC_PAGE_SIZE = "1000";

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
            ResponseCache.Entry hit = cached.orElseThrow(() -> new FetchException(provider.name()
                    + ": offline (mvn -o or catalog.offline) and nothing cached for it"
                    + (cache == null ? " (no cache folder configured)" : " in " + cache.directory())
                    + "; run once online to fill the cache"));
            return new Fetched(parseCached(provider, entry, hit), 0, hit.date(), "cache (offline)");
        }
        HttpRequestSpec first = provider.kind() == ProviderKind.ANTHROPIC
                ? request.withUri(withQuery(request.uri(), "limit", ANTHROPIC_PAGE_SIZE))
                : request;
        HttpRequestSpec conditional = first;
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
            body = http.get(first);
        }
        JsonNode tree = CatalogFetch.parseBody(provider.name(), body);
        long bytes = body.length();
        int pages = 1;
        byte[] toCache = null;
        if (hasMore(tree)) {
            Set<String> cursors = new HashSet<>();
            JsonNode page = tree;
            String param = provider.kind() == ProviderKind.ANTHROPIC ? "after_id" : "after";
            while (hasMore(page)) {
                String cursor = cursor(page);
                if (cursor == null) {
                    throw new FetchException(provider.name() + ": page " + pages + " from " + request.uri()
                            + " says has_more but gives no last_id and its last item no id; cannot page on");
                }
                if (!cursors.add(cursor)) {
                    throw new FetchException(provider.name() + ": pagination loop: cursor '" + cursor
                            + "' came back twice from " + request.uri());
                }
                if (++pages > MAX_PAGES) {
                    throw new FetchException(
                            provider.name() + ": more than " + MAX_PAGES + " pages from " + request.uri());
                }
                HttpBody next = http.get(request.withUri(withQuery(first.uri(), param, cursor)));
                bytes += next.length();
                page = CatalogFetch.parseBody(provider.name(), next);
                JsonNode items = page.get("data");
                if (items == null || !items.isArray()) {
                    throw new FetchException(
                            provider.name() + ": page " + pages + " from " + next.finalUri() + " has no data array");
                }
                if (items.isEmpty()) {
                    break;
                }
                ((ArrayNode) tree.get("data")).addAll((ArrayNode) items);
            }
            ObjectNode merged = (ObjectNode) tree;
            merged.put("has_more", false);
            if (page.has("last_id")) {
                merged.set("last_id", page.get("last_id"));
            }
            // reads back to the same tree: shortest round-trip doubles, exact integers, NaN/Infinity bare
            toCache = PythonJsonWriter.toBytes(merged);
        }
        if (cache != null) {
            cache.write(
                    provider,
                    entry,
                    new ResponseCache.Entry(
                            request.uri().toString(),
                            toCache != null ? toCache : CatalogFetch.cacheableBody(body),
                            body.header("etag").orElse(null),
                            body.header("last-modified").orElse(null),
                            body.header("date").orElse(null)));
        }
        return new Fetched(
                tree, bytes, body.header("date").orElse(null), pages > 1 ? "network, " + pages + " pages" : "network");
    }

    private static boolean hasMore(JsonNode page) {
        JsonNode data = page.get("data");
        return page.isObject()
                && page.path("has_more").asBoolean(false)
                && data != null
                && data.isArray()
                && !data.isEmpty();
    }

    /** The next page's cursor: {@code last_id}, or the id of the page's last item (some gateways leave last_id null). */
    private static String cursor(JsonNode page) {
        JsonNode lastId = page.get("last_id");
        if (lastId != null && lastId.isTextual() && !lastId.asText().isEmpty()) {
            return lastId.asText();
        }
        JsonNode data = page.get("data");
        JsonNode id = data.get(data.size() - 1).get("id");
        return id != null && id.isTextual() && !id.asText().isEmpty() ? id.asText() : null;
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

    static URI withQuery(URI uri, String name, String value) {
        String q = name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        String s = uri.toString();
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        // replace an existing value of the same parameter (cursor of the previous page)
        String existing = uri.getRawQuery();
        if (existing != null) {
            StringBuilder kept = new StringBuilder();
            for (String part : existing.split("&")) {
                if (!part.startsWith(name + "=") && !part.isEmpty()) {
                    kept.append(kept.length() == 0 ? "" : "&").append(part);
                }
            }
            String base = s.substring(0, s.indexOf('?'));
            return URI.create(base + "?" + (kept.length() == 0 ? "" : kept + "&") + q);
        }
        return URI.create(s + "?" + q);
    }
}
