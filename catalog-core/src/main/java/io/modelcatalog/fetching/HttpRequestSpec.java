package io.modelcatalog.fetching;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One GET to send.
 *
 * @param provider      the provider it is for (messages)
 * @param uri           the URL
 * @param headers       request headers, in order
 * @param secretHeaders names of headers that carry a key: sent only to {@code uri}'s own origin, dropped on a
 *                      redirect elsewhere, and their values are scrubbed from every message
 */
public record HttpRequestSpec(String provider, URI uri, Map<String, String> headers, Set<String> secretHeaders) {
    public HttpRequestSpec {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        secretHeaders = Set.copyOf(secretHeaders);
    }

    /** This request with one more header (for conditional requests). */
    public HttpRequestSpec withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new HttpRequestSpec(provider, uri, h, secretHeaders);
    }

    /** This request to another URL of the same origin (pagination). */
    public HttpRequestSpec withUri(URI other) {
        return new HttpRequestSpec(provider, other, headers, secretHeaders);
    }
}
