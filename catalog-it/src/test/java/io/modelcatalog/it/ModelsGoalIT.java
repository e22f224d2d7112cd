package io.modelcatalog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code models} goal in a forked build without a POM, on the corpus catalog in {@code ./models}. */
class ModelsGoalIT {

    @TempDir
    Path work;

    @Test
    void oneModelAcrossProvidersAMissAndTheIndexFile() throws Exception {
        Path models = VerifyCompatIT.writeBak(work.resolve("models"));

        ForkedMaven.Result shown = new ForkedMaven(work)
                .goals(ForkedMaven.goal("models"))
                .property("catalog.model", "groq/openai/gpt-oss-120b")
                .property("catalog.modelsFile", work.resolve("index.json"))
                .run();
        assertEquals(0, shown.exitCode(), shown::text);
        assertTrue(
                shown.logContains("[INFO] openai/gpt-oss-120b (gpt-oss-120b): 17 providers, 19 listings"), shown::text);
        assertTrue(
                shown.log().stream().anyMatch(l -> l.matches("\\[INFO\\] groq +openai/gpt-oss-120b .*")), shown::text);
        assertTrue(
                shown.log().stream().anyMatch(l -> l.matches("\\[INFO\\] parasail +parasail-gpt-oss-120b .*")),
                shown::text);
        String index = Files.readString(work.resolve("index.json"));
        assertTrue(index.startsWith("{\n  \"families\" : [ {\n    \"family\" : "), index.substring(0, 80));
        assertTrue(index.contains("\"family\" : \"meta-llama/llama-3.3-70b-instruct\""));

        ForkedMaven.Result miss = new ForkedMaven(work)
                .goals(ForkedMaven.goal("models"))
                .property("catalog.outputDirectory", models)
                .property("catalog.model", "llama-3.3-70b-versatil")
                .run();
        assertEquals(1, miss.exitCode(), miss::text);
        assertTrue(
                miss.text()
                        .contains("catalog.model: no family, model id or alias 'llama-3.3-70b-versatil'; "
                                + "the closest: llama-3.3-70b-versatile"),
                miss::text);
    }
}
