package io.modelcatalog.fetching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.fetching.ProviderOutcome.Fetched;
import io.modelcatalog.fetching.ProviderOutcome.Skipped;
import io.modelcatalog.fetching.ProviderOutcome.Unchanged;
import io.modelcatalog.providers.Enrichment;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderKind;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.testing.CorpusServer;
import io.modelcatalog.testing.LegacyCorpus;
import io.modelcatalog.testing.LoopbackProviderServer;
import io.modelcatalog.testing.LoopbackProviderServer.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CatalogFetchTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:30.123456Z"), ZoneOffset.UTC);

    @TempDir
    Path out;

    @RegisterExtension
    final CorpusServer corpus = new CorpusServer();

    /** A fetch of these providers into {@code out} from the corpus server, the rest set by the caller. */
    private FetchOptions.Builder options(List<ProviderDefinition> providers) {
        return FetchOptions.builder(out)
                .providers(providers)
                .env(EnvironmentLookup.of(corpus.env()))
                .network(NetworkPolicy.defaults()
                        .withTimeout(Duration.ofSeconds(5))
                        .withRetries(1)
                        .withRetryBaseDelay(Duration.ofMillis(10))
                        .withRetryAfterCap(Duration.ofMillis(100)))
                .clock(CLOCK);
    }

    private static FetchReport fetch(FetchOptions.Builder options) throws IOException {
        return new CatalogFetch(options.build()).run(FetchListener.none());
    }

    private static List<ProviderDefinition> only(String... names) {
        return ProviderRegistry.builtIn().select(List.of(names));
    }

    @Test
    void corpusIsWrittenByteForByteAsTheLegacyTool() throws Exception {
        FetchReport report = fetch(options(LegacyCorpus.providers()));
        assertEquals(36, report.outcomes().size());
        assertEquals(0, report.failures().size(), () -> report.failures().toString());
        List<String> mismatches = new ArrayList<>();
        for (String p : LegacyCorpus.providerNames()) {
            for (String ext : List.of("json", "txt", "toml")) {
                String name = "models_" + p + "." + ext;
                byte[] expected = LegacyCorpus.bak(name);
                byte[] actual = Files.readAllBytes(out.resolve(name));
                if (ext.equals("toml")) {
                    actual = LegacyCorpus.withBakBaseUrl(p, new String(actual, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
                if (!Arrays.equals(expected, actual)) {
                    mismatches.add(name);
                }
            }
        }
        assertEquals(List.of(), mismatches, "files that differ from the legacy dump");
        assertEquals(
                JsonDocuments.parse(LegacyCorpus.chutesApi(), "api"),
                JsonDocuments.parse(Files.readAllBytes(out.resolve("chutes_chutes.json")), "out"));
    }

    @Test
    void structuredLayoutPutsFilesInSubFolders() throws Exception {
        fetch(options(only("deepseek")).layout(CatalogLayout.STRUCTURED));
        assertArrayEquals(
                LegacyCorpus.bak("models_deepseek.json"), Files.readAllBytes(out.resolve("json/models_deepseek.json")));
        assertArrayEquals(
                LegacyCorpus.bak("models_deepseek.txt"), Files.readAllBytes(out.resolve("txt/models_deepseek.txt")));
        assertTrue(Files.exists(out.resolve("toml/models_deepseek.toml")));
        assertFalse(Files.exists(out.resolve("models_deepseek.json")));
    }

    @Test
    void failedProviderKeepsItsFilesAndIsRecordedWhileOthersComplete() throws Exception {
        byte[] previous = "previous good bytes".getBytes(StandardCharsets.UTF_8);
        for (String ext : List.of("json", "txt", "toml")) {
            Files.write(out.resolve("models_groq." + ext), previous);
        }
        corpus.server().route("/groq/v1/models", Response.status(500, "upstream exploded"));
        corpus.server().route("/zai/v1/models", Response.html("<!DOCTYPE html><html><body>Login</body></html>"));
        corpus.server().route("/cerebras/v1/models", Response.json("{\"data\": [ {\"id\": "));
        FetchReport report = fetch(options(only("groq", "zai", "cerebras", "deepseek")));

        assertEquals(
                List.of("cerebras", "groq", "zai"),
                report.failures().stream()
                        .map(ProviderOutcome::provider)
                        .sorted()
                        .toList());
        for (String ext : List.of("json", "txt", "toml")) {
            assertArrayEquals(previous, Files.readAllBytes(out.resolve("models_groq." + ext)));
        }
        assertFalse(Files.exists(out.resolve("models_zai.json")));
        assertArrayEquals(
                LegacyCorpus.bak("models_deepseek.json"), Files.readAllBytes(out.resolve("models_deepseek.json")));

        JsonNode failed = JsonDocuments.parse(Files.readAllBytes(out.resolve("failed_models.json")), "failed");
        JsonNode groq = failed.get("groq");
        assertTrue(groq.get("failed").asBoolean());
        assertTrue(
                groq.get("error")
                        .asText()
                        .startsWith("HTTP 500 Internal Server Error from "
                                + corpus.server().baseUrl() + "/groq/v1/models"),
                groq.toString());
        assertEquals("2026-03-01T10:15:30.123456", groq.get("last_attempt").asText());
        assertTrue(failed.get("zai").get("error").asText().contains("HTML page"), failed.toString());
        assertTrue(failed.get("cerebras").get("error").asText().contains("invalid JSON"), failed.toString());
        assertNull(failed.get("deepseek"), "a success without an earlier entry is not recorded");
        assertEquals(List.of("cerebras", "groq", "zai"), fieldNames(failed), "registry order");
    }

    @Test
    void providerWithoutKeyIsSkippedNamingTheVariableAndNotRecorded() throws Exception {
        corpus.env().remove("DEEPSEEK_API_KEY");
        FetchReport report = fetch(options(only("deepseek", "litellm")));
        Skipped deepseek = assertInstanceOf(Skipped.class, report.outcomes().get(0));
        assertEquals("no API key: set DEEPSEEK_API_KEY", deepseek.message());
        assertEquals(Skipped.Reason.NO_KEY, deepseek.reason());
        assertTrue(corpus.server().requestsTo("/deepseek/v1/models").isEmpty());
        assertInstanceOf(Fetched.class, report.outcomes().get(1), "url kind needs no key");
        assertEquals("{}", Files.readString(out.resolve("failed_models.json")));
    }

    @Test
    void eachKindSendsItsHeadersAndKeysOnlyToItsProvider() throws Exception {
        fetch(options(only("openai", "anthropic", "litellm")));
        LoopbackProviderServer.Request openai =
                corpus.server().requestsTo("/openai/v1/models").get(0);
        assertEquals("Bearer " + LegacyCorpus.testKey("openai"), openai.header("authorization"));
        LoopbackProviderServer.Request anthropic =
                corpus.server().requestsTo("/anthropic/v1/models").get(0);
        assertEquals(LegacyCorpus.testKey("anthropic"), anthropic.header("x-api-key"));
        assertEquals("2023-06-01", anthropic.header("anthropic-version"));
        assertNull(anthropic.header("authorization"));
        LoopbackProviderServer.Request litellm =
                corpus.server().requestsTo("/litellm/document.json").get(0);
        assertNull(litellm.header("authorization"));
        assertNull(litellm.header("x-api-key"));
        assertTrue(litellm.header("user-agent").startsWith("model-catalog/"));
    }

    @Test
    void skipExistingLeavesProvidersWithAllThreeFiles() throws Exception {
        for (String ext : List.of("json", "txt", "toml")) {
            Files.writeString(out.resolve("models_deepseek." + ext), "kept");
        }
        Files.writeString(out.resolve("models_zai.json"), "only one file");
        FetchReport report = fetch(options(only("deepseek", "zai")).skipExisting(true));
        assertEquals(
                Skipped.Reason.FILES_EXIST,
                assertInstanceOf(Skipped.class, report.outcomes().get(0)).reason());
        assertEquals("kept", Files.readString(out.resolve("models_deepseek.json")));
        assertInstanceOf(Fetched.class, report.outcomes().get(1));
        assertTrue(corpus.server().requestsTo("/deepseek/v1/models").isEmpty());
    }

    @Test
    void failedRescanFetchesOnlyFailedProvidersAndMarksSuccess() throws Exception {
        Files.writeString(
                out.resolve("failed_models.json"),
                "{\n  \"zai\": {\n    \"failed\": true,\n"
                        + "    \"error\": \"boom\",\n    \"last_attempt\": \"2025-08-07T21:28:19.043446\",\n    \"note\": \"kept\"\n"
                        + "  },\n  \"deepseek\": {\n    \"failed\": false,\n    \"error\": \"\"\n  }\n}");
        FetchReport report = fetch(options(only("zai", "deepseek", "groq")).failedRescan(true));
        assertEquals(
                List.of("zai"),
                report.outcomes().stream().map(ProviderOutcome::provider).toList());
        assertTrue(corpus.server().requestsTo("/deepseek/v1/models").isEmpty());
        JsonNode zai = JsonDocuments.parse(Files.readAllBytes(out.resolve("failed_models.json")), "f")
                .get("zai");
        assertFalse(zai.get("failed").asBoolean());
        assertEquals("boom", zai.get("error").asText(), "other fields are kept");
        assertEquals("kept", zai.get("note").asText());
        String lastSuccess = zai.get("last_success").asText();
        assertTrue(lastSuccess.endsWith(" GMT"), "the response's Date header: " + lastSuccess);
    }

    @Test
    void chutesEnrichmentFailureWritesThePlainListWithAWarning() throws Exception {
        corpus.server().route(LegacyCorpus.CHUTES_API_PATH, Response.status(503, "down"));
        FetchReport report = fetch(options(only("chutes")));
        Fetched chutes = assertInstanceOf(Fetched.class, report.outcomes().get(0));
        assertEquals(1, chutes.warnings().size());
        assertTrue(chutes.warnings().get(0).contains("503"), chutes.warnings().toString());
        JsonNode written = JsonDocuments.parse(Files.readAllBytes(out.resolve("models_chutes.json")), "c");
        assertFalse(written.get("data").get(0).has("chute_id"));
        assertFalse(Files.exists(out.resolve("chutes_chutes.json")));
        assertEquals(
                LegacyCorpus.testKey("chutes"),
                corpus.server().requestsTo(LegacyCorpus.CHUTES_API_PATH).get(0).header("authorization"),
                "the enrichment endpoint takes the key without Bearer");
    }

    @Test
    void theEnrichmentGoesWithTheDefinitionNotWithTheName() throws Exception {
        ProviderDefinition chutes = only("chutes").get(0);
        ProviderDefinition mirror = new ProviderDefinition(
                "mirror",
                ProviderKind.OPENAI,
                chutes.apiKeyEnv(),
                chutes.baseUrlEnv(),
                chutes.baseUrl(),
                null,
                Optional.of(Enrichment.CHUTES));
        FetchReport report = fetch(options(List.of(mirror, chutes.withEnrichment(Optional.empty()))));
        assertEquals(0, report.failures().size(), report::summary);
        assertArrayEquals(
                LegacyCorpus.bak("models_chutes.json"),
                Files.readAllBytes(out.resolve("models_mirror.json")),
                "enriched as the legacy tool enriched chutes");
        assertEquals(
                JsonDocuments.parse(LegacyCorpus.chutesApi(), "api"),
                JsonDocuments.parse(Files.readAllBytes(out.resolve("chutes_chutes.json")), "out"));
        JsonNode plain = JsonDocuments.parse(Files.readAllBytes(out.resolve("models_chutes.json")), "c");
        assertFalse(plain.get("data").get(0).has("chute_id"), "a definition without enrichment gets none");
        assertEquals(
                1,
                corpus.server().requestsTo(LegacyCorpus.CHUTES_API_PATH).size(),
                "one enrichment request: the mirror's");
    }

    @Test
    void noKeyInAnyWrittenFile() throws Exception {
        corpus.server().route("/groq/v1/models", Response.status(401, "bad key " + LegacyCorpus.testKey("groq")));
        fetch(options(LegacyCorpus.providers()));
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                for (String p : LegacyCorpus.providerNames()) {
                    assertFalse(text.contains(LegacyCorpus.testKey(p)), f + " holds the key of " + p);
                }
            }
        }
    }

    @Test
    void secondRunWithSameDataLeavesFilesUnchanged() throws Exception {
        fetch(options(only("deepseek")));
        FetchReport again = fetch(options(only("deepseek")));
        assertInstanceOf(Unchanged.class, again.outcomes().get(0));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
