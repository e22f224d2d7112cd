package io.modelcatalog.fetching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.fetching.ProviderOutcome.Failed;
import io.modelcatalog.fetching.ProviderOutcome.Fetched;
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
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class FetchCacheAndPaginationTest {

    @TempDir
    Path out;

    @TempDir
    Path cacheDir;

    @RegisterExtension
    final CorpusServer corpus = new CorpusServer();

    private static NetworkPolicy policy() {
        return NetworkPolicy.defaults()
                .withTimeout(Duration.ofSeconds(3))
                .withRetries(0)
                .withRetryBaseDelay(Duration.ofMillis(10))
                .withRetryAfterCap(Duration.ofMillis(100));
    }

    private FetchOptions.Builder options(String... providers) {
        return FetchOptions.builder(out)
                .providers(ProviderRegistry.builtIn().select(List.of(providers)))
                .env(EnvironmentLookup.of(corpus.env()))
                .network(policy())
                .cache(new ResponseCache(cacheDir));
    }

    private FetchReport fetch(String... providers) throws Exception {
        return fetch(options(providers));
    }

    private FetchReport fetchOffline(String... providers) throws Exception {
        return fetch(options(providers).network(policy().withOffline(true)));
    }

    private static FetchReport fetch(FetchOptions.Builder options) throws Exception {
        return new CatalogFetch(options.build()).run(FetchListener.none());
    }

    @Test
    void notModifiedReusesTheCachedBodyAndRebuildsIdenticalFiles() throws Exception {
        corpus.server()
                .route(
                        "/openai/v1/models",
                        Response.json(LegacyCorpus.response("openai"))
                                .header("ETag", "\"v1\"")
                                .header("Last-Modified", "Mon, 08 Sep 2025 10:29:31 GMT"),
                        Response.status(304, ""));
        FetchReport first = fetch("openai");
        assertEquals(
                ListSource.Network.onePage(), fetched(first.outcomes().get(0)).source());
        byte[] json = Files.readAllBytes(out.resolve("models_openai.json"));
        Files.delete(out.resolve("models_openai.json"));

        FetchReport second = fetch("openai");
        Fetched o = fetched(second.outcomes().get(0));
        assertEquals(ListSource.Cache.NOT_MODIFIED, o.source());
        assertEquals(83, o.models());
        assertArrayEquals(json, Files.readAllBytes(out.resolve("models_openai.json")));
        LoopbackProviderServer.Request conditional =
                corpus.server().requestsTo("/openai/v1/models").get(1);
        assertEquals("\"v1\"", conditional.header("if-none-match"));
        assertEquals("Mon, 08 Sep 2025 10:29:31 GMT", conditional.header("if-modified-since"));
    }

    @Test
    void offlineBuildsFromTheCacheAloneAndNamesProvidersWithNothingCached() throws Exception {
        fetch("openai", "chutes");
        byte[] openai = Files.readAllBytes(out.resolve("models_openai.json"));
        byte[] chutes = Files.readAllBytes(out.resolve("models_chutes.json"));
        byte[] failedBefore = Files.readAllBytes(out.resolve("failed_models.json"));
        corpus.server().close();
        Files.delete(out.resolve("models_openai.json"));
        Files.delete(out.resolve("models_chutes.json"));

        FetchReport offline = fetchOffline("openai", "chutes", "groq");
        assertEquals(
                ListSource.Cache.OFFLINE, fetched(outcome(offline, "openai")).source());
        assertArrayEquals(openai, Files.readAllBytes(out.resolve("models_openai.json")));
        assertArrayEquals(
                chutes, Files.readAllBytes(out.resolve("models_chutes.json")), "enrichment from the cache too");
        Failed groq = failed(outcome(offline, "groq"));
        assertEquals(
                "offline and nothing cached for it in " + cacheDir + "; run once online to fill the cache",
                groq.message());
        assertEquals(FetchProblem.OFFLINE_MISS, groq.problem());
        assertTrue(groq.message().contains(cacheDir.toString()), groq.message());
        assertArrayEquals(
                failedBefore,
                Files.readAllBytes(out.resolve("failed_models.json")),
                "an offline run leaves the failure history alone");
    }

    @Test
    void damagedCachedBodyNamesItsFileOffline() throws Exception {
        fetch("openai");
        Files.writeString(cacheDir.resolve("openai/models.body"), "{\"data\": [");
        Failed o = failed(fetchOffline("openai").outcomes().get(0));
        assertTrue(o.message().contains(cacheDir.resolve("openai/models.body") + ":1:"), o.message());
        assertTrue(o.message().contains("fetch online to refill it"), o.message());
    }

    private static Fetched fetched(ProviderOutcome o) {
        return assertInstanceOf(Fetched.class, o);
    }

    private static Failed failed(ProviderOutcome o) {
        return assertInstanceOf(Failed.class, o);
    }

    private static ProviderOutcome outcome(FetchReport report, String provider) {
        return report.outcomes().stream()
                .filter(o -> o.provider().equals(provider))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anthropicPagesAreMergedIntoTheFirstPage() throws Exception {
        corpus.server()
                .route(
                        "/anthropic/v1/models",
                        Response.json("{\"data\": [{\"id\": \"m-c\"}, {\"id\": \"m-a\"}], \"has_more\": true, "
                                + "\"first_id\": \"m-c\", \"last_id\": \"m-a\"}"),
                        Response.json(
                                "{\"data\": [{\"id\": \"m-d\"}], \"has_more\": true, \"first_id\": \"m-d\", \"last_id\": \"m-d\"}"),
                        Response.json(
                                "{\"data\": [{\"id\": \"m-b\"}], \"has_more\": false, \"first_id\": \"m-b\", \"last_id\": \"m-b\"}"));
        Fetched o = fetched(fetch("anthropic").outcomes().get(0));
        assertEquals(new ListSource.Network(3, false), o.source());
        List<LoopbackProviderServer.Request> requests = corpus.server().requestsTo("/anthropic/v1/models");
        assertEquals("/anthropic/v1/models?limit=1000", requests.get(0).path());
        assertEquals(
                "/anthropic/v1/models?limit=1000&after_id=m-a", requests.get(1).path());
        assertEquals(
                "/anthropic/v1/models?limit=1000&after_id=m-d", requests.get(2).path());
        assertEquals(
                "{\n  \"data\": [\n    {\n      \"id\": \"m-a\"\n    },\n    {\n      \"id\": \"m-b\"\n    },\n"
                        + "    {\n      \"id\": \"m-c\"\n    },\n    {\n      \"id\": \"m-d\"\n    }\n  ],\n  \"has_more\": false,\n"
                        + "  \"first_id\": \"m-c\",\n  \"last_id\": \"m-b\"\n}",
                Files.readString(out.resolve("models_anthropic.json")));
    }

    @Test
    void paginationLoopIsCaught() throws Exception {
        corpus.server()
                .route(
                        "/anthropic/v1/models",
                        Response.json("{\"data\": [{\"id\": \"a\"}], \"has_more\": true, \"last_id\": \"a\"}"));
        Failed o = failed(fetch("anthropic").outcomes().get(0));
        assertTrue(o.message().contains("pagination loop"), o.message());
        assertEquals(2, corpus.server().requestsTo("/anthropic/v1/models").size());
    }

    @Test
    void openAiStyleHasMoreIsFollowedWithAfter() throws Exception {
        corpus.server()
                .route(
                        "/groq/v1/models",
                        Response.json(
                                "{\"object\": \"list\", \"data\": [{\"id\": \"x\"}], \"has_more\": true, \"last_id\": \"x\"}"),
                        Response.json(
                                "{\"object\": \"list\", \"data\": [{\"id\": \"y\"}], \"has_more\": false, \"last_id\": \"y\"}"));
        Fetched o = fetched(fetch("groq").outcomes().get(0));
        assertEquals(2, o.models());
        assertEquals(
                "/groq/v1/models?after=x",
                corpus.server().requestsTo("/groq/v1/models").get(1).path());
    }

    @Test
    void missingLastIdFallsBackToTheLastItemsId() throws Exception {
        corpus.server()
                .route(
                        "/anthropic/v1/models",
                        Response.json(
                                "{\"data\": [{\"id\": \"p1\"}], \"has_more\": true, \"first_id\": null, \"last_id\": null}"),
                        Response.json(
                                "{\"data\": [{\"id\": \"p2\"}], \"has_more\": false, \"first_id\": null, \"last_id\": null}"));
        Fetched o = fetched(fetch("anthropic").outcomes().get(0));
        assertEquals(2, o.models());
        assertEquals(
                "/anthropic/v1/models?limit=1000&after_id=p1",
                corpus.server().requestsTo("/anthropic/v1/models").get(1).path());
    }

    @Test
    void shrinkGateRefusesAListThatLostMoreThanHalfUnlessAllowed() throws Exception {
        fetch("groq");
        byte[] before = Files.readAllBytes(out.resolve("models_groq.json"));
        corpus.server().route("/groq/v1/models", Response.json("{\"data\": [{\"id\": \"only-one\"}]}"));
        Failed o = failed(fetch("groq").outcomes().get(0));
        assertEquals("refusing to write 1 model over the 21 of models_groq.txt (less than half)", o.message());
        assertEquals(FetchProblem.SHRINK, o.problem());
        assertArrayEquals(before, Files.readAllBytes(out.resolve("models_groq.json")));
        JsonNode failed = JsonDocuments.parse(Files.readAllBytes(out.resolve("failed_models.json")), "f");
        assertTrue(failed.get("groq").get("error").asText().contains("refusing"), failed.toString());

        corpus.server().route("/groq/v1/models", Response.json("{\"data\": []}"));
        assertInstanceOf(Failed.class, fetch("groq").outcomes().get(0), "none where it had some");
        fetched(fetch(options("groq").allowShrink(true)).outcomes().get(0));
        assertEquals("", Files.readString(out.resolve("models_groq.txt")));
    }

    @Test
    void changesNameAddedAndRemovedIds() throws Exception {
        corpus.server()
                .route(
                        "/zai/v1/models",
                        Response.json("{\"data\": [{\"id\": \"a\"}, {\"id\": \"b\"}, {\"id\": \"c\"}]}"),
                        Response.json(
                                "{\"data\": [{\"id\": \"b\"}, {\"id\": \"c\"}, {\"id\": \"d\"}, {\"id\": \"e\"}]}"));
        Fetched first = fetched(fetch("zai").outcomes().get(0));
        assertEquals(List.of("a", "b", "c"), first.added());
        FetchReport second = fetch("zai");
        Fetched o = fetched(second.outcomes().get(0));
        assertEquals(List.of("d", "e"), o.added());
        assertEquals(List.of("a"), o.removed());
        assertEquals(
                "{\n  \"zai\": {\n    \"added\": [\n      \"d\",\n      \"e\"\n    ],\n    \"removed\": [\n      \"a\"\n"
                        + "    ]\n  }\n}",
                new String(ChangeReport.toJson(second), StandardCharsets.UTF_8));
    }

    @Test
    void filesThatHeldTheListAlreadyMeanNoChangeEvenForAnIdWithALineBreak() throws Exception {
        // without a cache the list is parsed again and its files come out the same. The txt file holds an id a
        // line, so "a\nb" reads back as two ids: comparing that read-back with the list made such a provider
        // "unchanged, +1 -2" on every run, and the change report named it ({"zai": {"added": ["a\nb"],
        // "removed": ["a", "b"]}}), while the same run with a cache said nothing had changed
        corpus.server().route("/zai/v1/models", Response.json("{\"data\": [{\"id\": \"a\\nb\"}, {\"id\": \"c\"}]}"));
        assertEquals(
                List.of("a\nb", "c"),
                fetched(fetch(options("zai").cache(null)).outcomes().get(0)).added());
        FetchReport again = fetch(options("zai").cache(null));
        assertFalse(assertInstanceOf(Unchanged.class, again.outcomes().get(0)).verified(), "parsed and compared");
        assertEquals("{}", new String(ChangeReport.toJson(again), StandardCharsets.UTF_8));
    }

    @Test
    void cacheEntriesHoldNoKey() throws Exception {
        fetch("openai", "chutes", "anthropic");
        try (var files = Files.walk(cacheDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                for (String p : List.of("openai", "chutes", "anthropic")) {
                    assertFalse(text.contains(LegacyCorpus.testKey(p)), f + " holds a key");
                }
            }
        }
    }
}
