package io.modelcatalog.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.when;

import io.modelcatalog.testing.LoopbackProviderServer;
import io.modelcatalog.testing.LoopbackProviderServer.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MojoTest
class FetchMojoTest {

    /** Output and cache folders, the providers file written below, and no retries. */
    private static final String POM = "src/test/resources/unit/fetch-pom.xml";

    private static final Path OUT = Paths.get("target/unit-fetch");

    @Inject
    private MavenSession session;

    private LoopbackProviderServer server;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackProviderServer();
        server.route("/doc.json", Response.json("{\"data\": [{\"id\": \"b\"}, {\"id\": \"a\"}]}"));
        server.route("/v1/models", Response.json("{\"data\": [{\"id\": \"m1\"}]}"));
        server.route("/broken.json", Response.status(500, "down"));
        deleteRecursively(OUT);
        Files.createDirectories(OUT);
        Path providers = OUT.resolve("providers.yaml");
        Files.writeString(
                providers,
                "providers:\n"
                        + "  - name: docs\n    kind: url\n    baseUrl: " + server.baseUrl() + "/doc.json\n"
                        + "  - name: broken\n    kind: url\n    baseUrl: " + server.baseUrl() + "/broken.json\n"
                        + "  - name: keyed\n    kind: openai\n    apiKeyEnv: KEYED_TEST_KEY_THAT_IS_UNSET\n    baseUrl: "
                        + server.baseUrl() + "/v1\n");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    @MojoParameter(name = "providerNames", value = "docs,broken")
    void writesConfiguredProvidersAndRecordsFailures(FetchMojo mojo) throws Exception {
        mojo.execute();
        assertEquals(
                "{\n  \"data\": [\n    {\n      \"id\": \"a\"\n    },\n    {\n      \"id\": \"b\"\n    }\n  ]\n}",
                Files.readString(OUT.resolve("models_docs.json")));
        assertEquals("a\nb", Files.readString(OUT.resolve("models_docs.txt")));
        assertFalse(Files.exists(OUT.resolve("models_broken.json")));
        assertTrue(Files.readString(OUT.resolve("failed_models.json")).contains("\"broken\": {\n    \"failed\": true"));
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    @MojoParameter(name = "providerNames", value = "broken")
    @MojoParameter(name = "failOnError", value = "true")
    void failOnErrorFailsTheBuild(FetchMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("1 provider(s) failed: broken"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    @MojoParameter(name = "providerNames", value = "keyed")
    void keyComesFromSettingsServerWhenTheVariableIsUnset(FetchMojo mojo) throws Exception {
        Settings settings = new Settings();
        Server server = new Server();
        server.setId("catalog-keyed");
        server.setPassword("settings-secret-key");
        settings.addServer(server);
        when(session.getSettings()).thenReturn(settings);
        mojo.execute();
        assertEquals(
                "Bearer settings-secret-key",
                this.server.requestsTo("/v1/models").get(0).header("authorization"));
        assertEquals("m1", Files.readString(OUT.resolve("models_keyed.txt")));
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    @MojoParameter(name = "providerNames", value = "openai,not-a-provider")
    void unknownProviderListsValidNames(FetchMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(
                e.getMessage().startsWith("catalog.providers: unknown provider not-a-provider; valid names: aihorde,"),
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    @MojoParameter(name = "layout", value = "nested")
    void unknownLayoutIsAnError(FetchMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("use legacy or structured"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    @MojoParameter(name = "fetchSkip", value = "true")
    void goalSkipFlagWritesNothing(FetchMojo mojo) throws Exception {
        mojo.execute();
        assertTrue(server.requests().isEmpty());
        assertFalse(Files.exists(OUT.resolve("failed_models.json")));
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    @MojoParameter(name = "skip", value = "true")
    @MojoParameter(name = "providerNames", value = "not-a-provider")
    void globalSkipFlagSkipsBeforeValidation(FetchMojo mojo) throws Exception {
        mojo.execute();
        assertFalse(Files.exists(OUT.resolve("failed_models.json")));
    }

    /* The Maven words of the core's typed problems reach the user in the log line of the provider. */

    private static MojoLogRecorder recordLog(FetchMojo mojo) {
        MojoLogRecorder log = new MojoLogRecorder();
        mojo.setLog(log);
        return log;
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    @MojoParameter(name = "providerNames", value = "keyed")
    void aMissingKeyNamesTheVariableAndTheSettingsServer(FetchMojo mojo) throws Exception {
        MojoLogRecorder log = recordLog(mojo);
        mojo.execute();
        assertTrue(
                log.at("INFO")
                        .contains("keyed skipped: no API key: set KEYED_TEST_KEY_THAT_IS_UNSET or a settings.xml "
                                + "<server> with id catalog-keyed"),
                log::text);
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    @MojoParameter(name = "providerNames", value = "docs")
    void theShrinkGateNamesAllowShrink(FetchMojo mojo) throws Exception {
        server.route(
                "/doc.json",
                Response.json("{\"data\": [{\"id\": \"b\"}, {\"id\": \"a\"}]}"),
                Response.json("{\"data\": []}"));
        mojo.execute();
        MojoLogRecorder log = recordLog(mojo);
        mojo.execute();
        assertTrue(
                log.at("WARNING")
                        .contains(
                                "docs FAILED: refusing to write 0 models over the 2 of models_docs.txt (less than "
                                        + "half); if the provider really dropped them, run again with catalog.allowShrink=true"),
                log::text);
        assertEquals("a\nb", Files.readString(OUT.resolve("models_docs.txt")));
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    @MojoParameter(name = "providerNames", value = "docs")
    @MojoParameter(name = "maxResponseBytes", value = "10")
    void theSizeCapNamesMaxResponseBytes(FetchMojo mojo) throws Exception {
        MojoLogRecorder log = recordLog(mojo);
        mojo.execute();
        assertTrue(
                log.at("WARNING")
                        .contains("docs FAILED: response from " + server.baseUrl() + "/doc.json declares 36 bytes, "
                                + "over the limit of 10 (raise catalog.maxResponseBytes)"),
                log::text);
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    @MojoParameter(name = "providerNames", value = "docs")
    @MojoParameter(name = "offline", value = "true")
    void anOfflineMissNamesMavensOfflineFlag(FetchMojo mojo) throws Exception {
        MojoLogRecorder log = recordLog(mojo);
        mojo.execute();
        Path cache = Paths.get("target/unit-fetch/cache").toAbsolutePath();
        assertTrue(
                log.at("WARNING")
                        .contains("docs FAILED: offline and nothing cached for it in " + cache + "; run once online "
                                + "to fill the cache (offline: mvn -o or catalog.offline)"),
                log::text);
        assertTrue(server.requests().isEmpty());
    }
}
