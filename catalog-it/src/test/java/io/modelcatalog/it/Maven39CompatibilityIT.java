package io.modelcatalog.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.testing.CorpusServer;
import io.modelcatalog.testing.LegacyCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin on Maven 3.9 (unpacked from Maven Central by the build), besides the Maven 3.8.7 that runs the
 * other ITs: the goals without a POM, the settings.xml key and the byte-exact corpus.
 */
class Maven39CompatibilityIT {

    @RegisterExtension
    final CorpusServer corpus = new CorpusServer();

    @TempDir
    Path work;

    private Path maven39;

    @BeforeEach
    void locate() {
        maven39 = Path.of(System.getProperty("it.maven39.home", "missing"));
        assertTrue(Files.isRegularFile(maven39.resolve("bin/mvn")), "Maven 3.9 not unpacked at " + maven39);
    }

    @Test
    void fetchVerifyAndProvidersRunOnMaven39() throws Exception {
        ForkedMaven.Result version =
                new ForkedMaven(work).mavenHome(maven39).goals("--version").run();
        assertTrue(version.logContains("Apache Maven 3.9."), version::text);

        Path settings = work.resolve("settings.xml");
        Files.writeString(
                settings,
                "<settings><servers><server><id>catalog-groq</id><password>sk-from-settings-39-0123456789"
                        + "</password></server></servers></settings>");
        corpus.env().remove("GROQ_API_KEY");
        ForkedMaven.Result fetch = new ForkedMaven(work)
                .mavenHome(maven39)
                .goals(ForkedMaven.goal("fetch"))
                .property("catalog.providers", String.join(",", LegacyCorpus.providerNames()))
                .settings(settings)
                .env(corpus.env())
                .run();
        assertEquals(0, fetch.exitCode(), fetch::text);
        assertEquals(
                "Bearer sk-from-settings-39-0123456789",
                corpus.server().requestsTo("/groq/v1/models").get(0).header("authorization"));
        assertFalse(fetch.text().contains("sk-from-settings-39"));
        for (String p : LegacyCorpus.providerNames()) {
            assertArrayEquals(
                    LegacyCorpus.bak("models_" + p + ".json"),
                    Files.readAllBytes(work.resolve("models/models_" + p + ".json")),
                    p);
        }

        Path reference = work.resolve("reference");
        Files.createDirectories(reference);
        for (String p : LegacyCorpus.providerNames()) {
            for (String ext : new String[] {"json", "txt", "toml"}) {
                Files.write(reference.resolve("models_" + p + "." + ext), LegacyCorpus.bak("models_" + p + "." + ext));
            }
        }
        ForkedMaven.Result verify = new ForkedMaven(work)
                .mavenHome(maven39)
                .goals(ForkedMaven.goal("verify-compat"))
                .property("catalog.referenceDirectory", reference)
                .property("catalog.compat.ignoreBaseUrl", true)
                .run();
        assertEquals(0, verify.exitCode(), verify::text);

        ForkedMaven.Result providers = new ForkedMaven(work)
                .mavenHome(maven39)
                .goals(ForkedMaven.goal("providers"))
                .run();
        assertEquals(0, providers.exitCode(), providers::text);
        assertTrue(providers.logContains("openrouter"), providers::text);
    }
}
