package io.modelcatalog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.testing.LegacyCorpus;
import io.modelcatalog.testing.LoopbackProviderServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify-compat} in forked Maven builds without a POM: the corpus fetched from the loopback server against
 * the real legacy folder (with its strays), then edited copies.
 */
class VerifyCompatIT {

    /** The real legacy folder's hand-made and leftover files. */
    static final List<String> STRAYS = List.of(
            "models_featherless_best.json",
            "models_infermatic_manual.json",
            "models_morphllm.txt",
            "models_nineteenai.txt");

    @TempDir
    Path work;

    /** Writes the corpus' legacy dump folder bak/, strays included. */
    static Path writeBak(Path target) throws IOException {
        Files.createDirectories(target);
        for (String p : LegacyCorpus.providerNames()) {
            for (String ext : List.of("json", "txt", "toml")) {
                String name = "models_" + p + "." + ext;
                Files.write(target.resolve(name), LegacyCorpus.bak(name));
            }
        }
        for (String name : STRAYS) {
            Files.write(target.resolve(name), LegacyCorpus.bak(name));
        }
        return target;
    }

    private ForkedMaven verifyCompat(Path models, Path reference) {
        return new ForkedMaven(work)
                .goals(ForkedMaven.goal("verify-compat"))
                .property("catalog.outputDirectory", models)
                .property("catalog.referenceDirectory", reference);
    }

    private static void replaceIn(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), file + " contains " + from);
        Files.writeString(file, text.replaceFirst(Pattern.quote(from), to), StandardCharsets.UTF_8);
    }

    @Test
    void corpusFetchedFromLoopbackMatchesTheLegacyFolderAndAChangedFloatFails() throws Exception {
        Path bak = writeBak(work.resolve("bak"));
        Path models = work.resolve("models");
        try (LoopbackProviderServer server = new LoopbackProviderServer()) {
            Map<String, String> env = LegacyCorpus.serve(server);
            // fetch and verify in one build, as a project would bind them
            ForkedMaven.Result result = new ForkedMaven(work)
                    .goals(ForkedMaven.goal("fetch"), ForkedMaven.goal("verify-compat"))
                    .property("catalog.outputDirectory", models)
                    .property("catalog.providers", String.join(",", LegacyCorpus.providerNames()))
                    .property("catalog.referenceDirectory", bak)
                    .property("catalog.compat.ignoreBaseUrl", true)
                    .env(env)
                    .run();

            assertEquals(0, result.exitCode(), result::text);
            assertTrue(
                    result.logContains("[INFO] 108 files compared: 108 identical, 0 same data with different bytes, "
                            + "0 different data, 0 unreadable; 8 strays (0 only in output, 4 only in reference, "
                            + "4 incomplete sets); consistency checks: 144 passed, 0 failed"),
                    result::text);
            for (String stray : STRAYS) {
                assertTrue(result.logContains("[WARNING] " + stray + ": only in the reference folder"), result::text);
            }
            assertFalse(result.logContains("[ERROR]"), result::text);
            for (String p : LegacyCorpus.providerNames()) {
                assertFalse(result.text().contains(LegacyCorpus.testKey(p)), "key of " + p + " in the log");
            }
        }

        // without ignoreBaseUrl the local server's URL is a difference, and the message says what to do
        ForkedMaven.Result strict = verifyCompat(models, bak).run();
        assertNotEquals(0, strict.exitCode());
        assertTrue(
                strict.logContains("[ERROR] models_zai.toml: different data at model_providers.zai.base_url: "
                        + "reference \"https://api.z.ai/api/paas/v4\", output \"http://127.0.0.1:"),
                strict::text);
        assertTrue(
                strict.logContains(
                        "or catalog.compat.ignoreBaseUrl=true when the catalog was fetched from a local " + "server"),
                strict::text);

        replaceIn(models.resolve("models_deepinfra.json"), "\"input_tokens\": 0.13,", "\"input_tokens\": 0.14,");
        ForkedMaven.Result changed = verifyCompat(models, bak)
                .property("catalog.compat.ignoreBaseUrl", true)
                .run();
        assertNotEquals(0, changed.exitCode(), changed::text);
        String difference = "models_deepinfra.json: different data at $.data[0].metadata.pricing.input_tokens: "
                + "reference 0.13, output 0.14";
        assertTrue(changed.logContains("[ERROR] " + difference), changed::text);
        assertTrue(
                changed.logContains(
                        "1 difference between " + models + " and the legacy folder " + bak + ": " + difference),
                changed::text);
        assertTrue(changed.logContains("BUILD FAILURE"), changed::text);

        ForkedMaven.Result tolerated = verifyCompat(models, bak)
                .property("catalog.compat.ignoreBaseUrl", true)
                .property("catalog.compat.failOnDifference", false)
                .run();
        assertEquals(0, tolerated.exitCode(), tolerated::text);
        assertTrue(tolerated.logContains("[WARNING] " + difference), tolerated::text);
    }

    @Test
    void strayFilesAreReportedAndDoNotFail() throws Exception {
        Path bak = writeBak(work.resolve("bak"));
        Path models = writeBak(work.resolve("models"));
        Files.delete(models.resolve("models_featherless_best.json"));
        Files.writeString(models.resolve("models_local.txt"), "a\nb");

        // no POM and no catalog.outputDirectory: the goal checks ./models
        ForkedMaven.Result result = new ForkedMaven(work)
                .goals(ForkedMaven.goal("verify-compat"))
                .property("catalog.referenceDirectory", bak)
                .run();

        assertEquals(0, result.exitCode(), result::text);
        assertTrue(result.logContains("[INFO] Comparing " + models + " with the legacy folder " + bak), result::text);
        assertTrue(
                result.logContains("[WARNING] models_featherless_best.json: only in the reference folder"),
                result::text);
        assertTrue(result.logContains("[WARNING] models_local.txt: only in the output folder"), result::text);
        assertTrue(
                result.logContains("[WARNING] reference folder: models_nineteenai.txt without "
                        + "models_nineteenai.json and models_nineteenai.toml"),
                result::text);
        assertTrue(
                result.logContains(
                        "[INFO] 111 files compared: 111 identical, 0 same data with different bytes, "
                                + "0 different data, 0 unreadable; 10 strays (1 only in output, 1 only in reference, 8 incomplete sets)"),
                result::text);
    }

    @Test
    void reformattedFileFailsNamingTheFirstPlace() throws Exception {
        Path bak = writeBak(work.resolve("bak"));
        Path models = writeBak(work.resolve("models"));
        Path json = models.resolve("models_deepseek.json");
        Files.writeString(json, Files.readString(json).replace("\n  ", "\n    "));

        ForkedMaven.Result result = verifyCompat(models, bak).run();

        assertNotEquals(0, result.exitCode());
        assertTrue(
                result.logContains("[ERROR] models_deepseek.json: same data, different bytes: first at line 2, "
                        + "column 3 (whitespace or indentation)"),
                result::text);
    }

    @Test
    void missingReferenceIsABuildErrorWithARemedy() throws Exception {
        ForkedMaven.Result result = new ForkedMaven(work)
                .goals(ForkedMaven.goal("verify-compat"))
                .property("catalog.outputDirectory", writeBak(work.resolve("models")))
                .run();
        assertNotEquals(0, result.exitCode());
        assertTrue(
                result.logContains(
                        "No reference folder: set catalog.referenceDirectory to a legacy dump_models.py " + "folder"),
                result::text);
    }
}
