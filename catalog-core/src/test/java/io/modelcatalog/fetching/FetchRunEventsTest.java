package io.modelcatalog.fetching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.catalog.FailedModels;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.testing.CorpusServer;
import io.modelcatalog.testing.LoopbackProviderServer.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a fetch run tells its listener besides the outcomes: leftovers of a killed run removed, a damaged
 * {@code failed_models.json} set aside, and the providers still running while one hangs.
 */
class FetchRunEventsTest {

    @TempDir
    Path out;

    @TempDir
    Path cacheDir;

    @RegisterExtension
    final CorpusServer corpus = new CorpusServer();

    /** Every event, in the order the listener heard it. */
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    private FetchOptions.Builder options(String... providers) {
        return FetchOptions.builder(out)
                .providers(ProviderRegistry.builtIn().select(List.of(providers)))
                .env(EnvironmentLookup.of(corpus.env()))
                .cache(new ResponseCache(cacheDir))
                .network(NetworkPolicy.defaults()
                        .withTimeout(Duration.ofSeconds(30))
                        .withRetries(0));
    }

    /** Records every event; {@code onWaiting} runs on each waiting call. */
    private FetchListener recorder(Duration interval, java.util.function.Consumer<List<String>> onWaiting) {
        return new FetchListener() {
            @Override
            public void completed(ProviderOutcome outcome) {
                events.add("completed " + outcome.provider());
            }

            @Override
            public void waiting(List<String> providers, Duration elapsed) {
                events.add("waiting " + providers);
                onWaiting.accept(providers);
            }

            @Override
            public Duration waitingInterval() {
                return interval;
            }

            @Override
            public void leftoversRemoved(List<Path> files) {
                events.add("leftovers "
                        + files.stream().map(f -> out.relativize(f).toString()).toList());
            }

            @Override
            public void historySetAside(FailedModels.SetAside damage) {
                events.add("history " + out.relativize(damage.copy()) + ": " + damage.problem());
            }
        };
    }

    private FetchListener recorder() {
        return recorder(FetchListener.WAITING_INTERVAL, p -> {});
    }

    /* 13.5 */

    private static Path plant(Path file, Instant modified) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "half a file");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    void theTemporaryFilesOfAKilledRunAreRemovedAtTheStartOfTheNext() throws Exception {
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        // what a kill -9 leaves: the catalog's, the cache's (a cache inside the catalog folder, for the listing)
        plant(out.resolve(".models_deepseek.json.8231946129.tmp"), hourAgo);
        plant(out.resolve(".failed_models.json.17.tmp"), hourAgo);
        plant(out.resolve("json/.models_groq.json.5.tmp"), hourAgo);
        Path cache = out.resolve("cache");
        plant(cache.resolve("deepseek/.models.body.42.tmp"), hourAgo);
        plant(cache.resolve("deepseek/.models.meta.json.43.tmp"), hourAgo);
        // kept: another build may be writing it right now; names that are not this plugin's; not a temp name
        Path fresh = plant(out.resolve(".models_groq.json.99.tmp"), Instant.now());
        Path foreign = plant(out.resolve(".notes.md.12.tmp"), hourAgo);
        Path foreignInCache = plant(cache.resolve("deepseek/.README.1.tmp"), hourAgo);
        Path user = plant(out.resolve("models_deepseek.json.tmp"), hourAgo);

        new CatalogFetch(options("deepseek").cache(new ResponseCache(cache)).build()).run(recorder());

        assertEquals(
                List.of("leftovers [.failed_models.json.17.tmp, .models_deepseek.json.8231946129.tmp, "
                        + "json/.models_groq.json.5.tmp, cache/deepseek/.models.body.42.tmp, "
                        + "cache/deepseek/.models.meta.json.43.tmp]"),
                events.subList(0, 1));
        for (Path kept : List.of(fresh, foreign, foreignInCache, user)) {
            assertTrue(Files.exists(kept), kept + " kept");
        }
        try (Stream<Path> files = Files.walk(out)) {
            assertEquals(
                    List.of(".README.1.tmp", ".models_groq.json.99.tmp", ".notes.md.12.tmp"),
                    files.map(f -> f.getFileName().toString())
                            .filter(n -> n.endsWith(".tmp") && n.startsWith("."))
                            .sorted(Comparator.naturalOrder())
                            .toList());
        }
    }

    @Test
    void aRunWithoutLeftoversSaysNothingAboutThem() throws Exception {
        new CatalogFetch(options("deepseek").build()).run(recorder());

        assertEquals(List.of("completed deepseek"), events);
    }

    /* 13.6 */

    @Test
    void anEmptyFailedModelsFileIsSetAsideAndTheRunGoesOn() throws Exception {
        Files.write(out.resolve("failed_models.json"), new byte[0]);

        FetchReport report = new CatalogFetch(options("deepseek").build()).run(recorder());

        assertInstanceOf(ProviderOutcome.Fetched.class, report.outcomes().get(0));
        assertEquals(
                List.of(
                        "history failed_models.json.broken: " + out.resolve("failed_models.json")
                                + ":1:1: not valid JSON: empty body",
                        "completed deepseek"),
                events);
        assertArrayEquals(new byte[0], Files.readAllBytes(out.resolve("failed_models.json.broken")));
        assertEquals("{}", Files.readString(out.resolve("failed_models.json")));
    }

    @Test
    void aBrokenFailedModelsFileIsKeptBesideTheNewHistory() throws Exception {
        byte[] broken = "{\n  \"groq\": {\n    \"failed\": tru".getBytes(StandardCharsets.UTF_8);
        Files.write(out.resolve("failed_models.json"), broken);
        corpus.server().route("/groq/v1/models", Response.status(500, "down"));

        new CatalogFetch(options("groq").build()).run(recorder());

        assertTrue(
                events.get(0)
                        .startsWith("history failed_models.json.broken: " + out.resolve("failed_models.json") + ":3:"),
                events::toString);
        assertArrayEquals(broken, Files.readAllBytes(out.resolve("failed_models.json.broken")));
        assertTrue(JsonDocuments.parse(Files.readAllBytes(out.resolve("failed_models.json")), "f")
                .path("groq")
                .path("failed")
                .asBoolean());
    }

    /* 13.9 */

    @Test
    void providersAreHeardAsTheyCompleteAndTheOneThatHangsIsNamedWhileTheRunWaits() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        corpus.server()
                .route(
                        "/groq/v1/models",
                        Response.json("{\"data\": [{\"id\": \"m\"}]}").after(release));

        FetchReport report = new CatalogFetch(
                        options("deepseek", "groq", "cerebras").build())
                .run(recorder(Duration.ofMillis(20), waiting -> {
                    if (waiting.equals(List.of("groq"))) {
                        release.countDown(); // the test has seen what it waited for: let groq answer
                    }
                }));

        // groq completes last, after a line naming it alone; no line names a provider that had completed
        List<String> heard = List.copyOf(events);
        assertEquals("completed groq", heard.get(heard.size() - 1), heard::toString);
        assertTrue(heard.contains("waiting [groq]"), heard::toString);
        List<String> done = new ArrayList<>();
        for (String e : heard) {
            if (e.startsWith("completed ")) {
                done.add(e.substring("completed ".length()));
            } else {
                for (String p : done) {
                    assertFalse(e.contains(p), () -> e + " after " + p + " completed: " + heard);
                }
            }
        }
        assertEquals(
                List.of("cerebras", "deepseek", "groq"), done.stream().sorted().toList());
        assertEquals(
                List.of("cerebras", "deepseek", "groq"),
                report.outcomes().stream().map(ProviderOutcome::provider).toList(),
                "the report stays in registry order");
    }

    /* 13.3: a password in a base URL from the environment is refused at fetch, naming the variable */

    @Test
    void aBaseUrlVariableWithAPasswordFailsItsProviderWithoutARequestAndNoRecordHoldsIt() throws Exception {
        String base = corpus.env().get("GROQ_API_OPENAI");
        corpus.env().put("GROQ_API_OPENAI", base.replace("http://", "http://user:secret@"));

        FetchReport report = new CatalogFetch(options("groq", "deepseek").build()).run(recorder());

        ProviderOutcome.Failed groq = assertInstanceOf(
                ProviderOutcome.Failed.class,
                report.outcomes().stream()
                        .filter(o -> o.provider().equals("groq"))
                        .findFirst()
                        .orElseThrow());
        assertEquals(FetchProblem.CREDENTIALS_IN_URL, groq.problem());
        assertEquals(
                "the base URL in GROQ_API_OPENAI holds a user name or password ("
                        + base.replace("http://", "http://***@")
                        + "/models): remove it and put the key in GROQ_API_KEY",
                groq.message());
        assertEquals(List.of(), corpus.server().requestsTo("/groq/v1/models"), "nothing sent");
        String failed = Files.readString(out.resolve("failed_models.json"));
        assertTrue(failed.contains("GROQ_API_OPENAI holds a user name or password"), failed);
        assertFalse(failed.contains("secret"), failed);
    }

    @Test
    void aUrlWithCredentialsInAnyFailureIsMaskedInTheOutcomeAndTheHistory() throws Exception {
        // a provider whose server redirects to a URL with a password: the message quoting it is masked
        corpus.server()
                .route(
                        "/groq/v1/models",
                        Response.status(302, "").header("Location", "http://user:secret@127.0.0.1:9/elsewhere?key=k1"));

        FetchReport report = new CatalogFetch(options("groq").build()).run(recorder());

        String message = assertInstanceOf(
                        ProviderOutcome.Failed.class, report.outcomes().get(0))
                .message();
        assertFalse(message.contains("secret") || message.contains("k1"), message);
        assertTrue(message.contains("http://***@127.0.0.1:9/elsewhere?key=***"), message);
        String failed = Files.readString(out.resolve("failed_models.json"));
        assertFalse(failed.contains("secret") || failed.contains("k1"), failed);
    }
}
