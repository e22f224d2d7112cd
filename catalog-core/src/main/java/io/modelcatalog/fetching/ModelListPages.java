package io.modelcatalog.fetching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcatalog.documents.DocumentParseException;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.documents.ResponseText;
import io.modelcatalog.legacy.PythonJsonWriter;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderKind;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The pages of one provider's model list: how the first page is asked for, how each page's body is parsed, whether
 * another page follows and with which cursor, and how the pages merge into one document.
 *
 * <p>Anthropic pages with {@code limit=1000} and {@code after_id} while {@code has_more}; an OpenAI-style list that
 * answers {@code has_more: true} is followed with {@code after} (OpenAI's list convention). The cursor is
 * {@code last_id}, or the last item's id where a gateway leaves {@code last_id} null. The merged document is the
 * first page whose {@code data} holds every page's items, with {@code has_more: false} and the last page's
 * {@code last_id}. A page limit and a repeated-cursor check guard against loops.
 */
final class ModelListPages {

    static final int MAX_PAGES = 500;
    static final String ANTHROPIC_PAGE_SIZE = "1000";

    private final ProviderDefinition provider;
    private final HttpRequestSpec request;
    private final HttpRequestSpec first;

    /** The pages of {@code request}, the provider's model-list request as its endpoint gives it. */
    ModelListPages(ProviderDefinition provider, HttpRequestSpec request) {
        this.provider = provider;
        this.request = request;
        this.first = provider.kind() == ProviderKind.ANTHROPIC
                ? request.withUri(withQuery(request.uri(), "limit", ANTHROPIC_PAGE_SIZE))
                : request;
    }

    /** The request for the first page. */
    HttpRequestSpec firstPage() {
        return first;
    }

    /**
     * The whole list, from the first page's body on.
     *
     * @param tree   the merged document
     * @param bytes  bytes received for all pages
     * @param pages  how many pages were read
     * @param merged the merged document's bytes when there was more than one page (what a cache keeps); else null
     */
    record Merged(JsonNode tree, long bytes, int pages, byte[] merged) {}

    /** Reads every page after {@code firstBody} and merges them. */
    Merged read(ModelListHttpClient http, HttpBody firstBody) throws FetchException {
        JsonNode tree = parse(provider.name(), firstBody);
        long bytes = firstBody.length();
        if (!hasMore(tree)) {
            return new Merged(tree, bytes, 1, null);
        }
        int pages = 1;
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
                throw new FetchException(provider.name() + ": more than " + MAX_PAGES + " pages from " + request.uri());
            }
            HttpBody next = http.get(request.withUri(withQuery(first.uri(), param, cursor)));
            bytes += next.length();
            page = parse(provider.name(), next);
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
        return new Merged(merged, bytes, pages, PythonJsonWriter.toBytes(merged));
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

    /** Parses a page; a body that is not JSON fails with the URL, status, content type and an excerpt. */
    static JsonNode parse(String provider, HttpBody body) throws FetchException {
        String where = body.finalUri() + " (HTTP " + body.status()
                + body.header("content-type").map(t -> ", " + t).orElse("") + ")";
        if (body.length() == 0) {
            throw new FetchException(provider + ": empty response from " + where, body.status());
        }
        if (looksLikeHtml(body)) {
            throw new FetchException(
                    provider + ": an HTML page instead of JSON from " + where + ": "
                            + ModelListHttpClient.excerpt(body),
                    body.status());
        }
        try {
            // decoded as the legacy script's HTTP client does: a byte-order mark dropped, UTF-16/32 or a declared
            // charset converted, ill-formed UTF-8 refused
            ResponseText.Utf8 text = ResponseText.decode(
                    body.body(), body.length(), body.header("content-type").orElse(null), where);
            return JsonDocuments.parse(text.bytes(), text.length(), where);
        } catch (DocumentParseException e) {
            throw new FetchException(
                    provider + ": invalid JSON from " + where + " at line " + e.line() + ", column " + e.column() + ": "
                            + e.reason() + "; body starts: " + ModelListHttpClient.excerpt(body),
                    body.status());
        }
    }

    /**
     * The bytes to cache for a body that {@link #parse} read: the body as UTF-8 the way it was decoded (a
     * byte-order mark dropped, UTF-16/32 or a declared charset converted), so that the cached copy reads back to
     * the same tree without its headers; the body itself when it already was strict UTF-8 or is not JSON text.
     */
    static byte[] cacheableBody(HttpBody body) {
        try {
            ResponseText.Utf8 text = ResponseText.decode(
                    body.body(), body.length(), body.header("content-type").orElse(null), "body");
            return text.bytes() == body.body() ? body.bytes() : Arrays.copyOf(text.bytes(), text.length());
        } catch (DocumentParseException e) {
            return body.bytes();
        }
    }

    private static boolean looksLikeHtml(HttpBody body) {
        String type = body.header("content-type").orElse("");
        if (type.toLowerCase(Locale.ROOT).contains("text/html")) {
            return true;
        }
        String start = new String(body.body(), 0, Math.min(body.length(), 64), StandardCharsets.UTF_8)
                .stripLeading()
                .toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
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
