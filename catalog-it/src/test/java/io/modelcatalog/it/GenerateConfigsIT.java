package io.modelcatalog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.testing.LegacyCorpus;
import io.modelcatalog.testing.LoopbackProviderServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fetch then generate-configs, both without a POM, as a user would run them in a fresh folder. */
class GenerateConfigsIT {

    @TempDir
    Path work;

    @Test
    void fetchedCatalogBecomesToolConfigsInTheDefaultFolders() throws Exception {
        try (LoopbackProviderServer server = new LoopbackProviderServer()) {
            ForkedMaven.Result fetch = new ForkedMaven(work)
                    .goals(ForkedMaven.goal("fetch"))
                    .property("catalog.providers", "anthropic,openai,openrouter,litellm")
                    .env(LegacyCorpus.serve(server))
                    .run();
            assertEquals(0, fetch.exitCode(), fetch::text);
        }
        ForkedMaven.Result generate = new ForkedMaven(work)
                .goals(ForkedMaven.goal("generate-configs"))
                .run();
        assertEquals(0, generate.exitCode(), generate::text);

        Path configs = work.resolve("models/configs");
        for (String p : new String[] {"anthropic", "openai", "openrouter"}) {
            assertTrue(Files.isRegularFile(configs.resolve("aichat/models_" + p + ".yaml")), p);
            assertTrue(Files.isRegularFile(configs.resolve("mods/models_" + p + ".yml")), p);
            assertTrue(Files.isRegularFile(configs.resolve("codex/models_" + p + ".toml")), p);
            assertTrue(Files.isRegularFile(configs.resolve("opencode/models_" + p + ".json")), p);
        }
        assertTrue(Files.readString(configs.resolve("aichat/models_anthropic.yaml"))
                .contains("type: claude"));
        assertTrue(
                Files.readString(configs.resolve("codex/models_openai.toml"))
                        .contains("[model_providers.openai-catalog]"),
                "codex's reserved id is mapped");
        long profiles;
        try (Stream<Path> files = Files.list(configs.resolve("codex/profiles"))) {
            profiles = files.filter(f -> f.toString().endsWith(".config.toml")).count();
        }
        // one profile per distinct model of the three providers (LiteLLM is a price map, not an API)
        long models = Files.readString(work.resolve("models/models_anthropic.txt"))
                        .lines()
                        .distinct()
                        .count()
                + Files.readString(work.resolve("models/models_openai.txt"))
                        .lines()
                        .distinct()
                        .count()
                + Files.readString(work.resolve("models/models_openrouter.txt"))
                        .lines()
                        .distinct()
                        .count();
        assertEquals(models, profiles);
        for (String p : new String[] {"anthropic", "openai", "openrouter"}) {
            assertFalse(Files.readString(configs.resolve("aichat/models_" + p + ".yaml"))
                    .contains(LegacyCorpus.testKey(p)));
        }

        ForkedMaven.Result again = new ForkedMaven(work)
                .goals(ForkedMaven.goal("generate-configs"))
                .run();
        assertEquals(0, again.exitCode(), again::text);
        assertTrue(again.logContains("0 file(s) written"), again::text);
        assertTrue(
                again.logContains("Unchanged since the last run: the catalog files, the settings and the "),
                again::text);

        // clean, also without a POM: a dry run lists, a real run removes the configs and keeps the catalog
        Files.writeString(configs.resolve("aichat/mine.yaml"), "clients: []\n");
        ForkedMaven.Result dry = new ForkedMaven(work)
                .goals(ForkedMaven.goal("clean"))
                .property("catalog.dryRun", "true")
                .run();
        assertEquals(0, dry.exitCode(), dry::text);
        assertTrue(dry.logContains("would remove " + configs.resolve("opencode/models_openai.json")), dry::text);
        assertTrue(Files.isRegularFile(configs.resolve("opencode/models_openai.json")));
        ForkedMaven.Result clean =
                new ForkedMaven(work).goals(ForkedMaven.goal("clean")).run();
        assertEquals(0, clean.exitCode(), clean::text);
        assertFalse(Files.exists(configs.resolve("opencode")), clean::text);
        assertFalse(Files.exists(configs.resolve("codex")), clean::text);
        assertTrue(Files.isRegularFile(configs.resolve("aichat/mine.yaml")), "the user's file stays");
        assertTrue(Files.isRegularFile(work.resolve("models/models_openai.json")), "the catalog stays");
    }
}
