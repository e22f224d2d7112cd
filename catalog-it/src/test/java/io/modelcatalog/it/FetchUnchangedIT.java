package io.modelcatalog.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.testing.CorpusServer;
import io.modelcatalog.testing.LegacyCorpus;
import io.modelcatalog.testing.LoopbackProviderServer;
import io.modelcatalog.testing.LoopbackProviderServer.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rerun of {@code fetch} in forked builds where the providers answer 304: what is unchanged is kept without being
 * rebuilt, what was edited, truncated or deleted by hand (or whose cache entry was damaged, or whose list changed) is
 * rebuilt, byte for byte as the first run wrote it.
 */
class FetchUnchangedIT {

    @TempDir
    Path work;

    @RegisterExtension
    final CorpusServer corpus = new CorpusServer();

    @BeforeEach
    void serveWithEtags() {
        for (ProviderDefinition p : LegacyCorpus.providers()) {
            corpus.server()
                    .route(
                            LegacyCorpus.modelsPath(p),
                            Response.json(LegacyCorpus.response(p.name())).etag("\"" + p.name() + "-1\""));
        }
        corpus.server()
                .route(
                        LegacyCorpus.CHUTES_API_PATH,
                        Response.json(LegacyCorpus.chutesApi()).etag("\"e-1\""));
    }

    private ForkedMaven.Result fetch(Path models) throws Exception {
        ForkedMaven.Result result = new ForkedMaven(work)
                .goals(ForkedMaven.goal("fetch"))
                .property("catalog.outputDirectory", models)
                .property("catalog.providers", String.join(",", LegacyCorpus.providerNames()))
                .env(corpus.env())
                .run();
        assertEquals(0, result.exitCode(), result::text);
        return result;
    }

    private static Map<String, byte[]> files(Path folder) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (var list = Files.list(folder)) {
            for (Path f : list.sorted().toList()) {
                files.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return files;
    }

    private static String line(ForkedMaven.Result result, String provider) {
        return result.log().stream()
                .filter(l -> l.startsWith("[INFO] " + provider + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + provider + "\n" + result.text()));
    }

    @Test
    void aRerunKeepsWhatIsUnchangedAndRebuildsWhatWasTouched() throws Exception {
        Path models = work.resolve("models");
        ForkedMaven.Result first = fetch(models);
        assertTrue(first.logContains("36 providers: 36 written, 0 unchanged, 0 skipped, 0 failed"), first::text);
        Map<String, byte[]> written = files(models);
        FileTime groqTime = Files.getLastModifiedTime(models.resolve("models_groq.json"));

        ForkedMaven.Result warm = fetch(models);
        assertTrue(warm.logContains("36 providers: 0 written, 36 unchanged, 0 skipped, 0 failed"), warm::text);
        for (String p : LegacyCorpus.providerNames()) {
            assertTrue(line(warm, p).endsWith("cache (304), files verified, unchanged"), line(warm, p));
        }
        assertEquals(groqTime, Files.getLastModifiedTime(models.resolve("models_groq.json")), "not written");
        List<LoopbackProviderServer.Request> groq = corpus.server().requestsTo("/groq/v1/models");
        assertNull(groq.get(0).header("if-none-match"));
        assertEquals("\"groq-1\"", groq.get(1).header("if-none-match"), "still a conditional request");

        // by hand: an edit that keeps the size and the time, a deletion, a truncation; a damaged cache entry; a
        // provider whose list changed
        Path openai = models.resolve("models_openai.json");
        FileTime openaiTime = Files.getLastModifiedTime(openai);
        String edited = new String(written.get("models_openai.json"), StandardCharsets.UTF_8)
                .replace("\"gpt-4o\"", "\"gpt-4x\"");
        Files.writeString(openai, edited);
        Files.setLastModifiedTime(openai, openaiTime);
        Files.delete(models.resolve("models_mistral.toml"));
        Files.write(models.resolve("models_zai.txt"), new byte[0]);
        Files.writeString(work.resolve("cache/deepseek/models.body"), "{\"data\": []}");
        Files.delete(models.resolve("models_deepseek.json"));
        corpus.server()
                .route(
                        "/groq/v1/models",
                        Response.json(new String(LegacyCorpus.response("groq"), StandardCharsets.UTF_8)
                                        .replace("\"object\": \"list\"", "\"object\": \"list\", \"extra\": 1"))
                                .etag("\"groq-2\""));

        ForkedMaven.Result after = fetch(models);
        assertTrue(after.logContains("36 providers: 5 written, 31 unchanged, 0 skipped, 0 failed"), after::text);
        for (String p : List.of("openai", "mistral", "zai")) {
            // zai's truncated txt also makes its models look new: "+2 -0"
            assertTrue(line(after, p).matches(".* ms  cache \\(304\\)(, \\+2 -0)?"), line(after, p));
        }
        assertTrue(line(after, "deepseek").endsWith(" ms  network, same body"), line(after, "deepseek"));
        assertTrue(line(after, "groq").endsWith(" ms  network"), line(after, "groq"));
        assertTrue(line(after, "anthropic").endsWith("files verified, unchanged"), line(after, "anthropic"));
        List<LoopbackProviderServer.Request> deepseek = corpus.server().requestsTo("/deepseek/v1/models");
        assertEquals(4, deepseek.size(), "a first run, a 304, then a 304 and an unconditional request");
        assertEquals("\"deepseek-1\"", deepseek.get(2).header("if-none-match"));
        assertNull(deepseek.get(3).header("if-none-match"));
        Map<String, byte[]> rebuilt = files(models);
        assertEquals(written.keySet(), rebuilt.keySet());
        for (String name : written.keySet()) {
            if (!name.equals("failed_models.json") && !name.equals("models_groq.json")) {
                assertArrayEquals(written.get(name), rebuilt.get(name), name);
            }
        }
        assertTrue(Files.readString(models.resolve("models_groq.json")).contains("\"extra\": 1"));
    }
}
