package io.modelcatalog.fetching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.fetching.ProviderOutcome.Failed;
import io.modelcatalog.fetching.ProviderOutcome.Fetched;
import io.modelcatalog.fetching.ProviderOutcome.Listed;
import io.modelcatalog.fetching.ProviderOutcome.Unchanged;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.testing.CorpusServer;
import io.modelcatalog.testing.LegacyCorpus;
import io.modelcatalog.testing.LoopbackProviderServer;
import io.modelcatalog.testing.LoopbackProviderServer.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast path of a rerun: a provider whose response is the cached one and whose files still hold what it produced
 * is neither parsed nor written; anything else (an edited, truncated or deleted file, another body, a damaged cache
 * entry) takes the full path and yields the same bytes as a first run.
 */
class UnchangedOutputsTest {

    private static final ListSource NOT_MODIFIED = ListSource.Cache.NOT_MODIFIED;

    @TempDir
    Path out;

    @TempDir
    Path cacheDir;

    @RegisterExtension
    final CorpusServer corpus = new CorpusServer();

    private Map<String, byte[]> firstRun;

    @BeforeEach
    void serveWithEtags() {
        // a server that answers If-None-Match with 304, as the real ones and the legacy mock do
        corpus.server()
                .route(
                        "/openai/v1/models",
                        Response.json(LegacyCorpus.response("openai")).etag("\"o1\""));
        corpus.server()
                .route(
                        "/chutes/v1/models",
                        Response.json(LegacyCorpus.response("chutes")).etag("\"c1\""));
        corpus.server()
                .route(
                        LegacyCorpus.CHUTES_API_PATH,
                        Response.json(LegacyCorpus.chutesApi()).etag("\"e1\""));
    }

    private FetchReport fetch(String... providers) throws Exception {
        return fetch(out, providers);
    }

    private FetchReport fetch(Path folder, String... providers) throws Exception {
        FetchOptions options = FetchOptions.builder(folder)
                .providers(ProviderRegistry.builtIn().select(List.of(providers)))
                .env(EnvironmentLookup.of(corpus.env()))
                .network(NetworkPolicy.defaults()
                        .withTimeout(Duration.ofSeconds(5))
                        .withRetries(0))
                .cache(new ResponseCache(cacheDir))
                .build();
        return new CatalogFetch(options).run(FetchListener.none());
    }

    /** Kept without parsing: its files held what the output manifest recorded for these inputs. */
    private static Unchanged verified(ProviderOutcome o) {
        Unchanged u = assertInstanceOf(Unchanged.class, o);
        assertTrue(u.verified(), u::toString);
        return u;
    }

    private static Fetched fetched(ProviderOutcome o) {
        return assertInstanceOf(Fetched.class, o);
    }

    private static ProviderOutcome outcome(FetchReport report, String provider) {
        return report.outcomes().stream()
                .filter(o -> o.provider().equals(provider))
                .findFirst()
                .orElseThrow();
    }

    private Map<String, byte[]> files() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (var list = Files.list(out)) {
            for (Path f : list.sorted().toList()) {
                files.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return files;
    }

    private void assertSameFiles(Map<String, byte[]> expected) throws Exception {
        Map<String, byte[]> actual = files();
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            if (!name.equals("failed_models.json")) {
                assertArrayEquals(expected.get(name), actual.get(name), name);
            }
        }
    }

    private Object inode(String file) throws Exception {
        return Files.readAttributes(out.resolve(file), "unix:ino").get("ino");
    }

    private void firstRun() throws Exception {
        FetchReport first = fetch("openai", "chutes");
        assertEquals(2, first.count(Fetched.class), first::summary);
        firstRun = files();
    }

    @Test
    void theSummaryOfOneProviderSaysProviderNotProviders() throws Exception {
        firstRun();
        FetchReport one = fetch("openai");
        assertTrue(one.summary().startsWith("1 provider: 0 written, 1 unchanged,"), one.summary());
        assertTrue(one.summary().contains("; 83 models, "), one.summary());
    }

    @Test
    void anUnchangedProviderIsNeitherParsedNorWritten() throws Exception {
        firstRun();
        Object inode = inode("models_openai.json");
        FileTime mtime = Files.getLastModifiedTime(out.resolve("models_openai.txt"));

        FetchReport again = fetch("openai", "chutes");
        Unchanged openai = verified(outcome(again, "openai"));
        assertEquals(NOT_MODIFIED, openai.source());
        assertEquals(83, openai.models());
        Unchanged chutes = verified(outcome(again, "chutes"));
        assertEquals(NOT_MODIFIED, chutes.source(), "the enrichment's 304 counts too");
        assertEquals(List.of(), chutes.warnings());
        assertTrue(again.summary().startsWith("2 providers: 0 written, 2 unchanged,"), again.summary());
        assertSameFiles(firstRun);
        assertEquals(inode, inode("models_openai.json"), "not replaced");
        assertEquals(mtime, Files.getLastModifiedTime(out.resolve("models_openai.txt")), "not written");

        // still a conditional request every time
        List<LoopbackProviderServer.Request> requests = corpus.server().requestsTo("/openai/v1/models");
        assertEquals(2, requests.size());
        assertNull(requests.get(0).header("if-none-match"));
        assertEquals("\"o1\"", requests.get(1).header("if-none-match"));
        assertEquals(
                "\"e1\"",
                corpus.server().requestsTo(LegacyCorpus.CHUTES_API_PATH).get(1).header("if-none-match"));
    }

    @Test
    void anEditedFileIsRewrittenEvenWithItsSizeAndTimeRestored() throws Exception {
        firstRun();
        Path json = out.resolve("models_openai.json");
        FileTime mtime = Files.getLastModifiedTime(json);
        byte[] edited = firstRun.get("models_openai.json").clone();
        edited[10] = (byte) (edited[10] == 'x' ? 'y' : 'x');
        Files.write(json, edited);
        Files.setLastModifiedTime(json, mtime);

        Fetched o = fetched(outcome(fetch("openai"), "openai"));
        assertEquals(NOT_MODIFIED, o.source());
        assertSameFiles(firstRun);
        assertEquals(NOT_MODIFIED, verified(outcome(fetch("openai"), "openai")).source(), "and kept after that");
    }

    @Test
    void aDeletedOrTruncatedFileIsRewritten() throws Exception {
        firstRun();
        Files.delete(out.resolve("models_openai.toml"));
        Files.write(out.resolve("models_chutes.txt"), new byte[0]);
        Files.write(out.resolve("chutes_chutes.json"), "{".getBytes(StandardCharsets.UTF_8));

        FetchReport again = fetch("openai", "chutes");
        fetched(outcome(again, "openai"));
        fetched(outcome(again, "chutes"));
        assertSameFiles(firstRun);
    }

    @Test
    void aTouchedFileWithItsBytesIsKept() throws Exception {
        firstRun();
        Path txt = out.resolve("models_openai.txt");
        Files.setLastModifiedTime(txt, FileTime.fromMillis(0));
        assertEquals(NOT_MODIFIED, verified(outcome(fetch("openai"), "openai")).source(), "hashed, same bytes");
        assertEquals(FileTime.fromMillis(0), Files.getLastModifiedTime(txt), "not rewritten");
        assertEquals(NOT_MODIFIED, verified(outcome(fetch("openai"), "openai")).source());
    }

    @Test
    void aChangedBodyIsRewritten() throws Exception {
        firstRun();
        corpus.server()
                .route(
                        "/openai/v1/models",
                        Response.json("{\"object\": \"list\", \"data\": [{\"id\": \"b\"}, {\"id\": \"a\"}]}")
                                .etag("\"o2\""));
        assertInstanceOf(Failed.class, outcome(fetch("openai"), "openai"), "the shrink gate still applies");

        corpus.server()
                .route(
                        "/openai/v1/models",
                        Response.json(new String(LegacyCorpus.response("openai"), StandardCharsets.UTF_8)
                                        .replace("\"gpt-4o\"", "\"gpt-4o-new\""))
                                .etag("\"o3\""));
        Fetched o = fetched(outcome(fetch("openai"), "openai"));
        assertEquals(ListSource.Network.onePage(), o.source());
        assertEquals(List.of("gpt-4o-new"), o.added());
        assertTrue(Files.readString(out.resolve("models_openai.txt")).contains("gpt-4o-new\n"));
        assertEquals(NOT_MODIFIED, verified(outcome(fetch("openai"), "openai")).source());
    }

    @Test
    void theSameBodyWithoutEtagIsKeptWithoutParsing() throws Exception {
        corpus.server().route("/openai/v1/models", Response.json(LegacyCorpus.response("openai")));
        fetch("openai");
        Object inode = inode("models_openai.json");
        assertEquals(
                new ListSource.Network(1, true),
                verified(outcome(fetch("openai"), "openai")).source());
        assertEquals(inode, inode("models_openai.json"));
    }

    @Test
    void aNotModifiedAfterTheCacheEntryWasDamagedFallsBackToAFullRequest() throws Exception {
        firstRun();
        Path body = cacheDir.resolve("openai/models.body");
        byte[] cached = Files.readAllBytes(body);
        // still JSON, so only the digest tells
        Files.writeString(body, "{\"data\": []}");
        Files.delete(out.resolve("models_openai.json"));

        Fetched o = fetched(outcome(fetch("openai"), "openai"));
        assertEquals(new ListSource.Network(1, true), o.source(), "the body the entry held before it was damaged");
        List<LoopbackProviderServer.Request> requests = corpus.server().requestsTo("/openai/v1/models");
        assertEquals(3, requests.size(), "the conditional request, then an unconditional one");
        assertEquals("\"o1\"", requests.get(1).header("if-none-match"));
        assertNull(requests.get(2).header("if-none-match"));
        assertSameFiles(firstRun);
        assertArrayEquals(cached, Files.readAllBytes(body), "the cache entry is repaired");

        Files.delete(body);
        assertEquals(
                ListSource.Network.onePage(),
                verified(outcome(fetch("openai"), "openai")).source(),
                "a missing body: no conditional request at all");
        assertNull(corpus.server().requestsTo("/openai/v1/models").get(3).header("if-none-match"));
    }

    @Test
    void aNotModifiedAfterTheOutputsManifestWasLostRebuildsFromTheCache() throws Exception {
        firstRun();
        Files.delete(cacheDir.resolve("openai/" + OutputManifest.FILE));
        Unchanged o = assertInstanceOf(Unchanged.class, outcome(fetch("openai"), "openai"));
        assertFalse(o.verified(), "parsed and compared");
        assertEquals(NOT_MODIFIED, o.source());
        assertEquals(NOT_MODIFIED, verified(outcome(fetch("openai"), "openai")).source(), "recorded again");
    }

    @Test
    void anotherOutputFolderIsBuiltInFull(@TempDir Path other) throws Exception {
        firstRun();
        fetched(outcome(fetch(other, "openai"), "openai"));
        assertArrayEquals(firstRun.get("models_openai.json"), Files.readAllBytes(other.resolve("models_openai.json")));
    }

    @Test
    void aFailedEnrichmentIsNeverKeptSilently() throws Exception {
        firstRun();
        corpus.server().route(LegacyCorpus.CHUTES_API_PATH, Response.status(404, "gone"));
        Listed o = assertInstanceOf(Listed.class, outcome(fetch("chutes"), "chutes"));
        assertFalse(o instanceof Unchanged u && u.verified(), o::toString);
        assertEquals(1, o.warnings().size(), o.warnings()::toString);
        assertTrue(o.warnings().get(0).startsWith("chutes enrichment skipped"), o.warnings()::toString);
    }
}
