package io.modelcatalog.fetching;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * A completed response.
 *
 * @param status   the final status (after redirects)
 * @param body     the body buffer; only the first {@code length} bytes are the body (avoids one copy of large bodies)
 * @param length   body length
 * @param headers  selected response headers, lower-case names ({@code date}, {@code etag}, {@code last-modified},
 *                 {@code content-type})
 * @param finalUri the URL that answered
 * @param attempts how many attempts it took
 */
public record HttpBody(int status, byte[] body, int length, Map<String, String> headers, URI finalUri, int attempts) {

    public Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(headers.get(lowerCaseName));
    }

    /** The body as an exact-size array (copies when the buffer is larger). */
    public byte[] bytes() {
        return body.length == length ? body : Arrays.copyOf(body, length);
    }
}
