package io.modelcatalog.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.testing.CorpusServer;
import io.modelcatalog.testing.LegacyCorpus;
import io.modelcatalog.testing.LoopbackProviderServer.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code fetch} in forked Maven builds without a POM, against the corpus served on loopback. */
class FetchCorpusIT {

    @TempDir
    Path work;

    @RegisterExtension
    final CorpusServer corpus = new CorpusServer();

    private ForkedMaven fetch(Path models) {
        return new ForkedMaven(work)
                .goals(ForkedMaven.goal("fetch"))
                .property("catalog.outputDirectory", models)
                .property("catalog.providers", String.join(",", LegacyCorpus.providerNames()))
                .env(corpus.env());
    }

    @Test
    void allCorpusFilesAreByteIdenticalToTheLegacyDump() throws Exception {
        Path models = work.resolve("models");
        ForkedMaven.Result result = fetch(models).run();
        assertEquals(0, result.exitCode(), result::text);

        List<String> differing = new ArrayList<>();
        int compared = 0;
        for (String p : LegacyCorpus.providerNames()) {
            for (String ext : List.of("json", "txt", "toml")) {
                String name = "models_" + p + "." + ext;
                byte[] actual = Files.readAllBytes(models.resolve(name));
                if (ext.equals("toml")) {
                    String expectedLine = "base_url = \"" + corpus.server().baseUrl() + "/" + p + "/v1\"";
                    String text = new String(actual, StandardCharsets.UTF_8);
                    if (!p.equals("litellm")) {
                        assertTrue(text.contains(expectedLine + "\n"), name + " names the server it was fetched from");
                    }
                    actual = LegacyCorpus.withBakBaseUrl(p, text).getBytes(StandardCharsets.UTF_8);
                }
                compared++;
                if (!Arrays.equals(LegacyCorpus.bak(name), actual)) {
                    differing.add(name);
                }
            }
        }
        assertEquals(108, compared);
        assertEquals(List.of(), differing);

        // one line per provider, then the summary; no key anywhere in the log
        for (String p : LegacyCorpus.providerNames()) {
            assertTrue(
                    result.log().stream()
                            .anyMatch(l -> l.matches("\\[INFO\\] " + p + " +\\d+ models +\\d+ bytes +\\d+ ms.*")),
                    "log line for " + p);
        }
        assertTrue(result.logContains("36 providers: 36 written, 0 unchanged, 0 skipped, 0 failed"), result::text);
        for (String p : LegacyCorpus.providerNames()) {
            assertFalse(result.text().contains(LegacyCorpus.testKey(p)), "key of " + p + " in the log");
        }
    }

    @Test
    void failingProvidersKeepTheirFilesAndTheBuildSucceedsUnlessFailOnError() throws Exception {
        Path models = work.resolve("models");
        assertEquals(0, fetch(models).run().exitCode());
        byte[] groqJson = Files.readAllBytes(models.resolve("models_groq.json"));
        byte[] zaiToml = Files.readAllBytes(models.resolve("models_zai.toml"));

        corpus.server().route("/groq/v1/models", Response.status(500, "down"));
        corpus.server().route("/zai/v1/models", Response.json("not json at all"));
        ForkedMaven.Result result = fetch(models).property("catalog.retries", 0).run();
        assertEquals(0, result.exitCode(), result::text);
        assertTrue(
                result.log().stream().anyMatch(l -> l.startsWith("[WARNING] groq") && l.contains("FAILED: HTTP 500")),
                result::text);
        assertTrue(result.logContains("2 failed"), result::text);
        assertArrayEquals(groqJson, Files.readAllBytes(models.resolve("models_groq.json")));
        assertArrayEquals(zaiToml, Files.readAllBytes(models.resolve("models_zai.toml")));
        JsonNode failed = JsonDocuments.parse(Files.readAllBytes(models.resolve("failed_models.json")), "f");
        assertTrue(failed.get("groq").get("failed").asBoolean());
        assertTrue(failed.get("zai").get("error").asText().contains("invalid JSON"), failed.toString());

        ForkedMaven.Result strict = fetch(models)
                .property("catalog.retries", 0)
                .property("catalog.failOnError", true)
                .run();
        assertNotEquals(0, strict.exitCode());
        assertTrue(strict.logContains("2 provider(s) failed: groq, zai"), strict::text);
    }

    @Test
    void unknownProviderIsABuildErrorListingValidNames() throws Exception {
        ForkedMaven.Result result = new ForkedMaven(work)
                .goals(ForkedMaven.goal("fetch"))
                .property("catalog.providers", "openai,nosuch")
                .run();
        assertNotEquals(0, result.exitCode());
        assertTrue(result.logContains("unknown provider nosuch; valid names: aihorde, anthropic"), result::text);
    }

    @Test
    void withoutAnyKeyTheRunSaysSoInOneWarningAndNoPomMeansModelsInTheWorkingFolder() throws Exception {
        Path models = work.resolve("models");
        Map<String, String> noKeys = new LinkedHashMap<>();
        Set<String> keyVariables = ProviderRegistry.builtIn().all().stream()
                .map(ProviderDefinition::apiKeyEnv)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        corpus.env().forEach((name, value) -> {
            if (!keyVariables.contains(name)) {
                noKeys.put(name, value); // base URLs only: the keyless provider is fetched from the loopback server
            }
        });
        ForkedMaven.Result result = new ForkedMaven(work)
                .goals(ForkedMaven.goal("fetch"))
                .env(noKeys)
                .run();
        assertEquals(0, result.exitCode(), result::text);
        // no line per skipped provider, one plain warning naming the way out
        List<String> skipLines =
                result.log().stream().filter(l -> l.contains("skipped")).toList();
        assertEquals(1, skipLines.size(), result::text);
        assertTrue(skipLines.get(0).contains(", 39 skipped, "), result::text);
        List<String> warnings =
                result.log().stream().filter(l -> l.startsWith("[WARNING]")).toList();
        assertEquals(1, warnings.size(), result::text);
        assertTrue(
                warnings.get(0)
                        .startsWith("[WARNING] No provider had an API key, so none of the 39 that need one was "
                                + "fetched (aihorde, anthropic, "),
                warnings.get(0));
        assertTrue(
                warnings.get(0)
                        .endsWith("Set a provider's key variable (AIHORDE_KEY for aihorde) or a settings.xml "
                                + "<server> with id catalog-<provider> and run again; the providers goal lists every "
                                + "provider's variable"),
                warnings.get(0));
        assertTrue(Files.exists(models.resolve("models_litellm.json")), "the keyless provider was fetched");
        assertFalse(Files.exists(models.resolve("models_groq.json")));
        assertEquals(
                "{}", Files.readString(models.resolve("failed_models.json")), "default folder ./models without a POM");
    }

    @Test
    void skipFlagsSkipTheGoal() throws Exception {
        ForkedMaven.Result result = new ForkedMaven(work)
                .goals(ForkedMaven.goal("fetch"))
                .property("catalog.fetch.skip", true)
                .property("catalog.providers", "nosuch")
                .run();
        assertEquals(0, result.exitCode(), result::text);
        assertTrue(result.logContains("Skipping fetch"), result::text);
    }
}
