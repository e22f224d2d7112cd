package io.modelcatalog.fetching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.files.Sha256;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseCacheTest {

    private static final ProviderDefinition P =
            new ProviderDefinition("p", ProviderKind.OPENAI, null, null, "http://h/v1", null);

    @TempDir
    Path dir;

    @Test
    void roundTripsBodyAndValidators() throws Exception {
        ResponseCache cache = new ResponseCache(dir);
        assertTrue(cache.read(P, ResponseCache.MODELS).isEmpty());
        cache.write(
                P,
                ResponseCache.MODELS,
                new ResponseCache.Entry(
                        "http://h/v1/models",
                        "{\"data\": []}".getBytes(StandardCharsets.UTF_8),
                        "\"e1\"",
                        "Mon, 08 Sep 2025 10:29:31 GMT",
                        "d"));
        ResponseCache.Entry e = cache.read(P, ResponseCache.MODELS).orElseThrow();
        assertEquals("http://h/v1/models", e.url());
        assertEquals("\"e1\"", e.etag());
        assertEquals("Mon, 08 Sep 2025 10:29:31 GMT", e.lastModified());
        assertArrayEquals("{\"data\": []}".getBytes(StandardCharsets.UTF_8), e.body());
    }

    @Test
    void theMetaDataVouchesForTheBodyUntilItIsEdited() throws Exception {
        ResponseCache cache = new ResponseCache(dir);
        byte[] body = "{\"data\": [{\"id\": \"a\"}]}".getBytes(StandardCharsets.UTF_8);
        cache.write(P, ResponseCache.MODELS, new ResponseCache.Entry("u", body, "\"e\"", null, null));
        ResponseCache.Meta meta = cache.meta(P, ResponseCache.MODELS).orElseThrow();
        assertEquals("\"e\"", meta.etag());
        assertEquals(Sha256.of(body), meta.body().sha256());
        assertTrue(cache.intact(P, ResponseCache.MODELS, meta));
        assertTrue(cache.read(P, ResponseCache.MODELS).orElseThrow().bodyAsWritten());

        Object inode = Files.getAttribute(cache.bodyFile(P, ResponseCache.MODELS), "unix:ino");
        cache.write(P, ResponseCache.MODELS, new ResponseCache.Entry("u", body, "\"e2\"", null, null));
        assertEquals(
                inode,
                Files.getAttribute(cache.bodyFile(P, ResponseCache.MODELS), "unix:ino"),
                "the same bytes again keep the body file");
        assertEquals("\"e2\"", cache.meta(P, ResponseCache.MODELS).orElseThrow().etag());

        Files.writeString(cache.bodyFile(P, ResponseCache.MODELS), "{\"data\": [{\"id\": \"b\"}]}");
        meta = cache.meta(P, ResponseCache.MODELS).orElseThrow();
        assertFalse(cache.intact(P, ResponseCache.MODELS, meta));
        assertFalse(cache.read(P, ResponseCache.MODELS).orElseThrow().bodyAsWritten());
        Files.delete(cache.bodyFile(P, ResponseCache.MODELS));
        assertEquals(Optional.empty(), cache.meta(P, ResponseCache.MODELS), "no body, no entry");
    }

    @Test
    void brokenMetaIsTreatedAsNoEntry() throws Exception {
        ResponseCache cache = new ResponseCache(dir);
        cache.write(P, ResponseCache.MODELS, new ResponseCache.Entry("u", new byte[] {'{', '}'}, null, null, null));
        Files.writeString(dir.resolve("p/models.meta.json"), "{ half");
        assertEquals(Optional.empty(), cache.read(P, ResponseCache.MODELS));
    }

    @Test
    void concurrentWritersAndReadersNeverSeeAMixedEntry() throws Exception {
        // two caches on one folder stand for two builds sharing it
        ResponseCache a = new ResponseCache(dir);
        ResponseCache b = new ResponseCache(dir);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                ResponseCache cache = n % 2 == 0 ? a : b;
                futures.add(pool.submit(() -> {
                    String body = "{\"n\": " + n + "}";
                    cache.write(
                            P,
                            ResponseCache.MODELS,
                            new ResponseCache.Entry(
                                    "u", body.getBytes(StandardCharsets.UTF_8), "\"" + n + "\"", null, null));
                    return null;
                }));
                futures.add(pool.submit(() -> {
                    Optional<ResponseCache.Entry> e = cache.read(P, ResponseCache.MODELS);
                    if (e.isPresent()) {
                        String etag = e.get().etag().replace("\"", "");
                        String body = new String(e.get().body(), StandardCharsets.UTF_8);
                        // validators and body are always of the same write
                        assertEquals("{\"n\": " + etag + "}", body);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        try (var files = Files.list(dir.resolve("p"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temp file left behind");
        }
    }
}
