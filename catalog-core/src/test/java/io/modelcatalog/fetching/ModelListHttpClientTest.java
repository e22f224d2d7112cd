package io.modelcatalog.fetching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.testing.LoopbackProviderServer;
import io.modelcatalog.testing.LoopbackProviderServer.Fault;
import io.modelcatalog.testing.LoopbackProviderServer.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelListHttpClientTest {

    private static final String KEY = "sk-test-secret-0123456789";

    private LoopbackProviderServer server;
    private NetworkPolicy policy;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackProviderServer();
        policy = NetworkPolicy.defaults()
                .withTimeout(Duration.ofSeconds(2))
                .withRetries(2)
                .withRetryBaseDelay(Duration.ofMillis(10))
                .withRetryAfterCap(Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpRequestSpec request(String path) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + KEY);
        return new HttpRequestSpec("p", URI.create(server.baseUrl() + path), headers, Set.of("Authorization"));
    }

    @Test
    void sendsHeadersAndUserAgentAndReturnsBody() throws Exception {
        server.route("/v1/models", Response.json("{\"data\": []}"));
        try (ModelListHttpClient http = new ModelListHttpClient(policy, "model-catalog/test")) {
            HttpBody body = http.get(request("/v1/models"));
            assertEquals(200, body.status());
            assertEquals("{\"data\": []}", new String(body.bytes(), StandardCharsets.UTF_8));
            assertTrue(body.header("date").isPresent());
        }
        LoopbackProviderServer.Request r = server.requests().get(0);
        assertEquals("Bearer " + KEY, r.header("authorization"));
        assertEquals("model-catalog/test", r.header("user-agent"));
    }

    @Test
    void retries500Then200() throws Exception {
        server.route("/m", Response.status(500, "boom"), Response.json("{}"));
        try (ModelListHttpClient http = new ModelListHttpClient(policy, "ua")) {
            HttpBody body = http.get(request("/m"));
            assertEquals(200, body.status());
            assertEquals(2, body.attempts());
        }
        assertEquals(2, server.requestsTo("/m").size());
    }

    @Test
    void honoursRetryAfterOn429() throws Exception {
        server.route("/m", Response.status(429, "slow down").header("Retry-After", "1"), Response.json("{}"));
        try (ModelListHttpClient http = new ModelListHttpClient(policy, "ua")) {
            long t0 = System.nanoTime();
            http.get(request("/m"));
            long waited = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(waited >= 950, "waited " + waited + " ms, Retry-After said 1 s");
        }
    }

    @Test
    void retryAfterIsCapped() throws Exception {
        server.route("/m", Response.status(429, "slow down").header("Retry-After", "3600"), Response.json("{}"));
        NetworkPolicy capped = policy.withRetries(1)
                .withRetryBaseDelay(Duration.ofMillis(10))
                .withRetryAfterCap(Duration.ofMillis(200));
        try (ModelListHttpClient http = new ModelListHttpClient(capped, "ua")) {
            long t0 = System.nanoTime();
            http.get(request("/m"));
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 5_000, "an hour-long Retry-After must be capped");
        }
    }

    @Test
    void clientErrorIsNotRetriedAndMessageNamesUrlStatusAndExcerpt() throws Exception {
        server.route("/m", Response.status(404, "model list not here"));
        try (ModelListHttpClient http = new ModelListHttpClient(policy, "ua")) {
            FetchException e = assertThrows(FetchException.class, () -> http.get(request("/m")));
            assertEquals(404, e.status());
            assertTrue(e.getMessage().contains("HTTP 404 Not Found from " + server.baseUrl() + "/m"), e.getMessage());
            assertTrue(e.getMessage().contains("model list not here"), e.getMessage());
        }
        assertEquals(1, server.requestsTo("/m").size());
    }

    @Test
    void keyEchoedInErrorBodyIsScrubbed() throws Exception {
        server.route("/m", Response.status(401, "invalid key " + KEY));
        try (ModelListHttpClient http = new ModelListHttpClient(policy, "ua")) {
            FetchException e = assertThrows(FetchException.class, () -> http.get(request("/m")));
            assertFalse(e.getMessage().contains(KEY), e.getMessage());
            assertTrue(e.getMessage().contains("***"), e.getMessage());
        }
    }

    @Test
    void hangIsCutAtTheTimeoutOnEveryAttempt() throws Exception {
        server.route("/m", Response.fault(Fault.HANG));
        NetworkPolicy quick = policy.withTimeout(Duration.ofMillis(300))
                .withRetries(1)
                .withRetryBaseDelay(Duration.ofMillis(10))
                .withRetryAfterCap(Duration.ofMillis(50));
        try (ModelListHttpClient http = new ModelListHttpClient(quick, "ua")) {
            FetchException e = assertThrows(FetchException.class, () -> http.get(request("/m")));
            assertEquals(
                    "p: no complete response within 300 ms from " + server.baseUrl() + "/m (after 2 attempts)",
                    e.getMessage());
            assertEquals(FetchProblem.TIMEOUT, e.problem());
        }
        assertEquals(2, server.requestsTo("/m").size());
    }

    @Test
    void truncatedBodyAndResetAreRetriedThenFail() throws Exception {
        server.route("/t", Response.fault(Fault.TRUNCATE));
        server.route("/r", Response.fault(Fault.RESET));
        try (ModelListHttpClient http = new ModelListHttpClient(policy, "ua")) {
            FetchException t = assertThrows(FetchException.class, () -> http.get(request("/t")));
            assertTrue(
                    t.getMessage().contains("while reading the body of HTTP 200 from " + server.baseUrl() + "/t"),
                    t.getMessage());
            FetchException r = assertThrows(FetchException.class, () -> http.get(request("/r")));
            assertTrue(r.getMessage().contains(server.baseUrl() + "/r"), r.getMessage());
        }
        assertEquals(3, server.requestsTo("/t").size());
        assertEquals(3, server.requestsTo("/r").size());
    }

    @Test
    void bodyOverTheCapFails() throws Exception {
        server.route("/big", Response.json(new byte[4096]));
        try (ModelListHttpClient http = new ModelListHttpClient(policy.withMaxResponseBytes(1000), "ua")) {
            FetchException e = assertThrows(FetchException.class, () -> http.get(request("/big")));
            assertEquals(
                    "p: response from " + server.baseUrl() + "/big declares 4096 bytes, over the limit of 1000",
                    e.getMessage());
            assertEquals(FetchProblem.TOO_LARGE, e.problem());
        }
    }

    @Test
    void sameOriginRedirectKeepsTheKey() throws Exception {
        server.route("/old", Response.status(301, "").header("Location", "/new"));
        server.route("/new", Response.json("{}"));
        try (ModelListHttpClient http = new ModelListHttpClient(policy, "ua")) {
            assertEquals(200, http.get(request("/old")).status());
        }
        assertEquals("Bearer " + KEY, server.requestsTo("/new").get(0).header("authorization"));
    }

    @Test
    void crossHostRedirectIsFollowedWithoutTheKey() throws Exception {
        try (LoopbackProviderServer other = new LoopbackProviderServer()) {
            other.route("/elsewhere", Response.json("{}"));
            // "localhost" and "127.0.0.1" are different hosts for the origin check, like two real domains
            server.route(
                    "/old",
                    Response.status(302, "").header("Location", "http://localhost:" + other.port() + "/elsewhere"));
            try (ModelListHttpClient http = new ModelListHttpClient(policy, "ua")) {
                assertEquals(200, http.get(request("/old")).status());
            }
            List<LoopbackProviderServer.Request> got = other.requestsTo("/elsewhere");
            assertEquals(1, got.size());
            assertNull(got.get(0).header("authorization"), "the key must not follow a redirect to another host");
        }
    }

    @Test
    void proxyFromSettingsSeesTheTrafficAndGetsCredentials() throws Exception {
        try (LoopbackProviderServer proxy = new LoopbackProviderServer()) {
            proxy.requireProxyAuth("alice", "proxy-pass");
            proxy.route("/v1/models", Response.json("{\"via\": \"proxy\"}"));
            ProxySettings proxies = new ProxySettings(
                    List.of(new ProxySpec("http", "127.0.0.1", proxy.port(), "alice", "proxy-pass", null)));
            HttpRequestSpec req =
                    new HttpRequestSpec("p", URI.create("http://provider.invalid/v1/models"), Map.of(), Set.of());
            try (ModelListHttpClient http = new ModelListHttpClient(policy.withProxies(proxies), "ua")) {
                HttpBody body = http.get(req);
                assertEquals("{\"via\": \"proxy\"}", new String(body.bytes(), StandardCharsets.UTF_8));
            }
            assertTrue(proxy.requests().stream().allMatch(LoopbackProviderServer.Request::proxied));
            assertEquals(
                    "http://provider.invalid/v1/models", proxy.requests().get(0).target());
        }
    }

    @Test
    void nonProxyHostsGoDirect() throws Exception {
        server.route("/m", Response.json("{}"));
        ProxySettings proxies =
                new ProxySettings(List.of(new ProxySpec("http", "127.0.0.1", 9, null, null, "localhost|127.0.0.*")));
        try (ModelListHttpClient http = new ModelListHttpClient(policy.withProxies(proxies), "ua")) {
            assertEquals(200, http.get(request("/m")).status());
        }
        assertFalse(server.requests().get(0).proxied());
    }
}
