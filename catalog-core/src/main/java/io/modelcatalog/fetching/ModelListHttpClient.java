package io.modelcatalog.fetching;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.Credentials;
import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * GETs model lists with Apache HttpClient 5: per-request deadlines, retries with backoff and jitter
 * ({@code Retry-After} honoured up to a cap), a body size cap, redirects followed by hand so that a key never
 * leaves its origin, and proxies chosen per request. Thread-safe: one instance serves all providers of a run.
 */
public final class ModelListHttpClient implements Closeable {

    private static final int MAX_REDIRECTS = 5;

    private final NetworkPolicy policy;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;

    public ModelListHttpClient(NetworkPolicy policy, String userAgent) {
        this.policy = Objects.requireNonNull(policy, "policy");
        Timeout timeout = Timeout.of(policy.timeout());
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(new UnloggedConnectionFactory())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout)
                        .setSocketTimeout(timeout)
                        .build())
                .setMaxConnTotal(Math.max(policy.concurrency() * 2, 8))
                // every provider may sit behind one host (a proxy, a loopback test server)
                .setMaxConnPerRoute(Math.max(policy.concurrency() * 2, 8))
                .build();
        ProxySettings proxies = policy.proxies();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(timeout)
                        .setConnectionRequestTimeout(timeout)
                        .build())
                .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE) {
                    @Override
                    protected HttpHost determineProxy(HttpHost target, HttpContext context) {
                        return proxies.proxyFor(target.getSchemeName(), target.getHostName())
                                .map(p -> new HttpHost("http", p.host(), p.port()))
                                .orElse(null);
                    }
                })
                .setDefaultCredentialsProvider(new ProxyCredentials(proxies))
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent(userAgent)
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "catalog-fetch-deadlines");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Sends the GET, retrying what is worth retrying, and returns the final response: 2xx, or 304 for a
     * conditional request.
     *
     * @throws FetchException for any other status, a body over the size cap, or when every attempt failed
     */
    public HttpBody get(HttpRequestSpec request) throws FetchException {
        int attempts = policy.retries() + 1;
        FetchException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Duration wait;
            try {
                HttpBody body = followRedirects(request, attempt);
                if ((body.status() >= 200 && body.status() < 300) || body.status() == 304) {
                    return body;
                }
                last = statusFailure(request, body);
                if (!retryable(body.status()) || attempt == attempts) {
                    throw last;
                }
                wait = retryAfter(body).orElse(backoff(attempt));
            } catch (TransientException e) {
                last = new FetchException(
                        request.provider() + ": " + scrub(request, e.getMessage()),
                        0,
                        e.timeout ? FetchProblem.TIMEOUT : FetchProblem.OTHER);
                if (attempt == attempts) {
                    break;
                }
                wait = backoff(attempt);
            }
            sleep(wait);
        }
        throw new FetchException(
                last.getMessage() + " (after " + attempts + " attempt" + (attempts > 1 ? "s" : "") + ")",
                last.status(),
                last.problem());
    }

    private HttpBody followRedirects(HttpRequestSpec request, int attempt) throws TransientException, FetchException {
        URI uri = request.uri();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            boolean sameOrigin = sameOrigin(uri, request.uri());
            HttpGet get = new HttpGet(uri);
            request.headers().forEach((name, value) -> {
                if (sameOrigin || !request.secretHeaders().contains(name)) {
                    get.addHeader(name, value);
                }
            });
            HttpBody response = execute(request, get, uri, attempt);
            int s = response.status();
            if (s == 301 || s == 302 || s == 303 || s == 307 || s == 308) {
                String location = response.headers().get("location");
                if (location == null) {
                    throw new FetchException(request.provider() + ": HTTP " + s + " without Location from " + uri, s);
                }
                try {
                    uri = uri.resolve(new URI(location.trim()));
                } catch (URISyntaxException e) {
                    throw new FetchException(
                            request.provider() + ": HTTP " + s + " with an invalid Location from " + uri, s);
                }
                continue;
            }
            return response;
        }
        throw new FetchException(
                request.provider() + ": more than " + MAX_REDIRECTS + " redirects from " + request.uri());
    }

    private HttpBody execute(HttpRequestSpec request, HttpGet get, URI uri, int attempt)
            throws TransientException, FetchException {
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(
                () -> {
                    timedOut.set(true);
                    get.cancel();
                },
                policy.timeout().toMillis(),
                TimeUnit.MILLISECONDS);
        int status = 0;
        try (ClassicHttpResponse response = client.executeOpen(null, get, null)) {
            status = response.getCode();
            Map<String, String> headers = new HashMap<>();
            for (String name :
                    new String[] {"date", "etag", "last-modified", "content-type", "retry-after", "location"}) {
                Header h = response.getFirstHeader(name);
                if (h != null) {
                    headers.put(name, h.getValue());
                }
            }
            HttpEntity entity = response.getEntity();
            byte[] buffer = new byte[0];
            int length = 0;
            if (entity != null) {
                long declared = entity.getContentLength();
                if (declared > policy.maxResponseBytes()) {
                    throw new FetchException(
                            request.provider() + ": response from " + uri + " declares " + declared
                                    + " bytes, over the limit of " + policy.maxResponseBytes(),
                            status,
                            FetchProblem.TOO_LARGE);
                }
                buffer = new byte[(int) Math.max(Math.min(declared, policy.maxResponseBytes()), 8192)];
                try (InputStream in = entity.getContent()) {
                    int n;
                    while ((n = in.read(buffer, length, buffer.length - length)) != -1) {
                        length += n;
                        if (length == buffer.length) {
                            if (length >= policy.maxResponseBytes()) {
                                if (in.read() == -1) {
                                    break;
                                }
                                throw new FetchException(
                                        request.provider() + ": response from " + uri
                                                + " is larger than the limit of " + policy.maxResponseBytes()
                                                + " bytes",
                                        status,
                                        FetchProblem.TOO_LARGE);
                            }
                            buffer = Arrays.copyOf(
                                    buffer, (int) Math.min((long) buffer.length * 2, policy.maxResponseBytes()));
                        }
                    }
                }
            }
            return new HttpBody(status, buffer, length, headers, uri, attempt);
        } catch (IOException e) {
            // the read timeout and our whole-exchange deadline are the same limit: say so either way
            boolean timeout =
                    timedOut.get() || e instanceof SocketTimeoutException || e instanceof ConnectTimeoutException;
            String what =
                    timeout ? "no complete response within " + policy.timeout().toMillis() + " ms" : describe(e);
            // a status means the headers arrived and the body broke off
            throw new TransientException(
                    what + (status > 0 ? " while reading the body of HTTP " + status : "") + " from " + uri, timeout);
        } finally {
            deadline.cancel(false);
        }
    }

    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        String msg = e.getMessage();
        return type + (msg == null || msg.isBlank() ? "" : ": " + msg);
    }

    private FetchException statusFailure(HttpRequestSpec request, HttpBody body) {
        String reason = reasonPhrase(body.status());
        String excerpt = excerpt(body);
        String message = request.provider() + ": HTTP " + body.status() + (reason.isEmpty() ? "" : " " + reason)
                + " from " + body.finalUri() + (excerpt.isEmpty() ? "" : ": " + excerpt);
        return new FetchException(scrub(request, message), body.status());
    }

    /** The first characters of a body, on one line, for messages. */
    static String excerpt(HttpBody body) {
        int n = Math.min(body.length(), 160);
        String s = new String(body.body(), 0, n, StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ")
                .trim();
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.appendCodePoint(cp < 0x20 || cp == 0x7f ? '?' : cp));
        return body.length() > n ? sb + "..." : sb.toString();
    }

    /** Removes every secret header value from a message. */
    private static String scrub(HttpRequestSpec request, String message) {
        String out = message;
        for (String name : request.secretHeaders()) {
            String value = request.headers().get(name);
            if (value != null && !value.isBlank()) {
                out = out.replace(value, "***");
                String bare = value.startsWith("Bearer ") ? value.substring(7) : value;
                if (bare.length() >= 4) {
                    out = out.replace(bare, "***");
                }
            }
        }
        return out;
    }

    private static boolean retryable(int status) {
        return status == 429 || (status >= 500 && status <= 599);
    }

    private Optional<Duration> retryAfter(HttpBody body) {
        String value = body.headers().get("retry-after");
        if (value == null || (body.status() != 429 && body.status() != 503)) {
            return Optional.empty();
        }
        Duration d;
        try {
            d = Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                d = Duration.between(ZonedDateTime.now(at.getZone()), at);
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        return Optional.of(d.compareTo(policy.retryAfterCap()) > 0 ? policy.retryAfterCap() : d);
    }

    private Duration backoff(int attempt) {
        long base = policy.retryBaseDelay().toMillis() << Math.min(attempt - 1, 10);
        long capped = Math.min(base, policy.retryAfterCap().toMillis());
        long jitter = capped <= 1 ? 0 : ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(capped + jitter);
    }

    private static void sleep(Duration d) throws FetchException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while waiting to retry");
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        client.close(CloseMode.GRACEFUL);
    }

    /** A failure worth another attempt: connection refused or reset, a timeout, a truncated body. */
    private static final class TransientException extends Exception {
        final boolean timeout;

        TransientException(String message, boolean timeout) {
            super(message, null, false, false);
            this.timeout = timeout;
        }
    }

    /** Answers a proxy's authentication challenge with the credentials of that proxy from the settings. */
    private static final class ProxyCredentials implements CredentialsProvider {
        private final ProxySettings proxies;

        ProxyCredentials(ProxySettings proxies) {
            this.proxies = proxies;
        }

        @Override
        public Credentials getCredentials(AuthScope scope, HttpContext context) {
            return proxies.at(scope.getHost(), scope.getPort())
                    .filter(p -> p.username() != null)
                    .map(p -> (Credentials) new UsernamePasswordCredentials(
                            p.username(), (p.password() == null ? "" : p.password()).toCharArray()))
                    .orElse(null);
        }
    }
}
