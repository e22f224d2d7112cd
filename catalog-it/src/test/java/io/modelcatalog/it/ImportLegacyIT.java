package io.modelcatalog.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.testing.LegacyScripts;
import io.modelcatalog.testing.LoopbackProviderServer;
import io.modelcatalog.testing.LoopbackProviderServer.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import-legacy} then {@code fetch}, without a POM: a team's edited {@code dump_models.py} becomes a
 * providers file, and a fetch with that file reaches the added provider and the changed URL on the loopback
 * server.
 */
class ImportLegacyIT {

    private static final String CORP_KEY = "sk-corpllm-it-key-DONOTLEAK";
    private static final String GROQ_KEY = "gsk-groq-it-key-DONOTLEAK";

    @TempDir
    Path work;

    private LoopbackProviderServer server;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackProviderServer();
        server.route(
                "/corp/v1/models", Response.json("{\"data\": [{\"id\": \"corp-code\"}, {\"id\": \"corp-chat\"}]}"));
        server.route("/groq-corp/v1/models", Response.json("{\"data\": [{\"id\": \"llama-corp\"}]}"));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void theImportedProvidersFileIsFetchedFromTheLoopbackServer() throws Exception {
        String corpUrl = server.baseUrl() + "/corp/v1";
        String groqUrl = server.baseUrl() + "/groq-corp/v1";
        LegacyScripts.write(work, LegacyScripts.edited(corpUrl, groqUrl));

        // defaults: ./dump_models.py in, ./catalog-providers.yaml out
        ForkedMaven.Result imported =
                new ForkedMaven(work).goals(ForkedMaven.goal("import-legacy")).run();

        assertEquals(0, imported.exitCode(), imported::text);
        Path file = work.resolve("catalog-providers.yaml");
        String yaml = Files.readString(file);
        assertTrue(yaml.contains("""
                  # added
                  - name: "corpllm"
                    kind: "openai"
                    apiKeyEnv: "CORPLLM_API_KEY"
                    baseUrlEnv: "CORPLLM_API_OPENAI"
                    baseUrl: "%s"
                """.formatted(corpUrl)), yaml);
        assertTrue(yaml.contains("baseUrl: \"" + groqUrl + "\"\n"), yaml);
        assertTrue(
                imported.log().stream()
                        .anyMatch(l -> l.matches("\\[INFO\\] corpllm +\\d+  added      openai, key CORPLLM_API_KEY, "
                                + "CORPLLM_API_OPENAI = " + corpUrl)),
                imported::text);
        assertTrue(
                imported.logContains("[WARNING] Not in the script: poe, targon. A providers file adds and replaces "
                        + "providers but cannot remove one; to leave them out, select the others:"),
                imported::text);
        assertTrue(imported.logContains("[INFO] Wrote " + file + " (3 providers)"), imported::text);
        byte[] first = Files.readAllBytes(file);

        // the same property names the file for both goals: import-legacy finds it up to date, fetch reads it
        ForkedMaven.Result fetched = new ForkedMaven(work)
                .goals(ForkedMaven.goal("import-legacy"), ForkedMaven.goal("fetch"))
                .property("catalog.providersFile", "catalog-providers.yaml")
                .property("catalog.providers", "corpllm,groq")
                .env("CORPLLM_API_KEY", CORP_KEY)
                .env("GROQ_API_KEY", GROQ_KEY)
                .run();

        assertEquals(0, fetched.exitCode(), fetched::text);
        assertTrue(
                fetched.logContains("[INFO] " + file + " is up to date (3 providers); nothing written"), fetched::text);
        assertArrayEquals(first, Files.readAllBytes(file));
        Path models = work.resolve("models");
        assertEquals("corp-chat\ncorp-code", Files.readString(models.resolve("models_corpllm.txt")));
        assertEquals("llama-corp", Files.readString(models.resolve("models_groq.txt")));
        assertEquals(
                "Bearer " + CORP_KEY,
                server.requestsTo("/corp/v1/models").get(0).header("authorization"));
        assertEquals(
                "Bearer " + GROQ_KEY,
                server.requestsTo("/groq-corp/v1/models").get(0).header("authorization"));
        for (String key : new String[] {CORP_KEY, GROQ_KEY}) {
            assertFalse(fetched.text().contains(key), "a key in the log:\n" + fetched.text());
        }
        assertFalse(Files.exists(work.resolve("catalog-providers.yaml.bak")));
    }
}
