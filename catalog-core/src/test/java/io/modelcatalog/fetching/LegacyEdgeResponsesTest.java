package io.modelcatalog.fetching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.fetching.ProviderOutcome.Failed;
import io.modelcatalog.fetching.ProviderOutcome.Fetched;
import io.modelcatalog.providers.CredentialLookup;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.testing.LegacyCorpus;
import io.modelcatalog.testing.LoopbackProviderServer;
import io.modelcatalog.testing.LoopbackProviderServer.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Responses on which the legacy differential test found the plugin and the legacy script apart, end to end through
 * a fetch: a model id with a lone surrogate (the legacy script dies writing its txt; the plugin fails the provider
 * cleanly), bodies the legacy HTTP client decoded (a byte-order mark, UTF-16, a declared charset with bad bytes),
 * and ill-formed UTF-8 that Jackson alone would have read.
 */
class LegacyEdgeResponsesTest {

    @TempDir
    Path out;

    private FetchReport fetch(Response response) throws Exception {
        return fetch(response, null, false);
    }

    private FetchReport fetch(Response response, ResponseCache cache, boolean offline) throws Exception {
        try (LoopbackProviderServer server = new LoopbackProviderServer()) {
            ProviderDefinition groq =
                    ProviderRegistry.builtIn().select(List.of("groq")).get(0);
            server.route(LegacyCorpus.modelsPath(groq), response);
            EnvironmentLookup env = EnvironmentLookup.of(LegacyCorpus.environmentFor(server, groq));
            return new CatalogFetch(FetchOptions.builder(out)
                            .providers(List.of(groq))
                            .env(env)
                            .credentials(CredentialLookup.environment(env))
                            .network(NetworkPolicy.defaults()
                                    .withTimeout(Duration.ofSeconds(5))
                                    .withRetries(0)
                                    .withRetryBaseDelay(Duration.ofMillis(10))
                                    .withRetryAfterCap(Duration.ofMillis(10))
                                    .withOffline(offline))
                            .clock(Clock.systemUTC())
                            .cache(cache)
                            .build())
                    .run(FetchListener.none());
        }
    }

    private String file(String ext) throws Exception {
        return Files.readString(out.resolve("models_groq." + ext), StandardCharsets.UTF_8);
    }

    @Test
    void loneSurrogateIdFailsTheProviderAndKeepsItsFiles() throws Exception {
        Files.writeString(out.resolve("models_groq.txt"), "previous");
        FetchReport report = fetch(Response.json("{\"data\": [{\"id\": \"ok\"}, {\"id\": \"bad\\ud800\"}]}"));
        Failed o = assertInstanceOf(Failed.class, report.outcomes().get(0));
        assertTrue(o.message().contains("model id \"bad\\ud800\" holds a lone surrogate"), o.message());
        assertEquals("previous", file("txt"));
        assertFalse(Files.exists(out.resolve("models_groq.json")));
        // a lone surrogate elsewhere is fine: the JSON writer escapes it, as Python does
        fetch(Response.json("{\"data\": [{\"id\": \"ok\", \"note\": \"\\udc00\"}]}"));
        assertEquals("ok", file("txt"));
        assertTrue(file("json").contains("\"note\": \"\\udc00\""));
    }

    @Test
    void byteOrderMarkIsDroppedWithoutCharsetAndRefusedWithOne() throws Exception {
        byte[] body = "\ufeff{\"data\": [{\"id\": \"m\"}]}".getBytes(StandardCharsets.UTF_8);
        assertInstanceOf(Fetched.class, fetch(Response.json(body)).outcomes().get(0));
        assertEquals("m", file("txt"));
        Files.delete(out.resolve("models_groq.txt"));
        FetchReport refused = fetch(Response.json(body).header("Content-Type", "application/json; charset=utf-8"));
        assertInstanceOf(Failed.class, refused.outcomes().get(0));
        assertFalse(Files.exists(out.resolve("models_groq.txt")));
    }

    @Test
    void utf16BodyIsRead() throws Exception {
        fetch(Response.json("{\"data\": [{\"id\": \"caf\u00e9\"}]}".getBytes(StandardCharsets.UTF_16LE)));
        assertEquals("caf\u00e9", file("txt"));
    }

    @Test
    void badBytesUnderADeclaredCharsetBecomeReplacementCharacters() throws Exception {
        byte[] body = {
            '{',
            '"',
            'd',
            'a',
            't',
            'a',
            '"',
            ':',
            '[',
            '{',
            '"',
            'i',
            'd',
            '"',
            ':',
            '"',
            'x',
            (byte) 0xc0,
            (byte) 0x80,
            '"',
            '}',
            ']',
            '}'
        };
        fetch(Response.json(body).header("Content-Type", "application/json; charset=utf-8"));
        assertEquals("x\ufffd\ufffd", file("txt"));
        assertArrayEquals(
                "{\n  \"data\": [\n    {\n      \"id\": \"x\\ufffd\\ufffd\"\n    }\n  ]\n}"
                        .getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(out.resolve("models_groq.json")));
    }

    @Test
    void aDecodedBodyIsCachedAsTheUtf8ItWasReadAs(@TempDir Path cacheDir) throws Exception {
        ResponseCache cache = new ResponseCache(cacheDir);
        byte[] body = {'[', '{', '"', 'i', 'd', '"', ':', '"', 'x', (byte) 0xff, '"', '}', ']'};
        fetch(Response.json(body).header("Content-Type", "application/json; charset=utf-8"), cache, false);
        Files.delete(out.resolve("models_groq.txt"));
        assertInstanceOf(
                Fetched.class,
                fetch(Response.status(500, "unused"), cache, true).outcomes().get(0));
        assertEquals("x\ufffd", file("txt"));
    }

    @Test
    void illFormedUtf8WithoutCharsetFails() throws Exception {
        byte[] body = {'[', '{', '"', 'i', 'd', '"', ':', '"', 'x', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}', ']'
        };
        Failed o = assertInstanceOf(
                Failed.class, fetch(Response.json(body)).outcomes().get(0));
        assertTrue(o.message().contains("byte 0xed at offset 9 is not valid UTF-8"), o.message());
        assertFalse(Files.exists(out.resolve("models_groq.json")));
    }
}
