package io.modelcatalog.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.when;

import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.testing.LoopbackProviderServer;
import io.modelcatalog.testing.LoopbackProviderServer.Response;
import io.modelcatalog.testing.UnwritableFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
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
        server.route("/doc2.json", Response.json("{\"data\": [{\"id\": \"c\"}]}"));
        deleteRecursively(OUT);
        Files.createDirectories(OUT);
        Path providers = OUT.resolve("providers.yaml");
        Files.writeString(
                providers,
                "providers:\n"
                        + "  - name: docs\n    kind: url\n    baseUrl: " + server.baseUrl() + "/doc.json\n"
                        + "  - name: broken\n    kind: url\n    baseUrl: " + server.baseUrl() + "/broken.json\n"
                        + "  - name: keyed\n    kind: openai\n    apiKeyEnv: KEYED_TEST_KEY_THAT_IS_UNSET\n    baseUrl: "
                        + server.baseUrl() + "/v1\n"
                        + "  - name: nokey\n    kind: openai\n    apiKeyEnv: NOKEY_TEST_KEY_THAT_IS_UNSET\n    baseUrl: "
                        + server.baseUrl() + "/v1\n"
                        + "  - name: docs2\n    kind: url\n    baseUrl: " + server.baseUrl() + "/doc2.json\n"
                        + "  - name: slow\n    kind: url\n    baseUrl: " + server.baseUrl() + "/slow.json\n");
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
    @MojoParameter(name = "providerNames", value = "docs")
    void withoutCacheDirectoryTheCacheFollowsHomeThenXdgCacheHome(FetchMojo mojo) throws Exception {
        Path home = OUT.resolve("home").toAbsolutePath();
        setVariableValueToObject(mojo, "cacheDirectory", null);
        mojo.environment = EnvironmentLookup.of(Map.of("HOME", home.toString()));
        mojo.execute();
        assertTrue(Files.isRegularFile(home.resolve(".cache/model-catalog/docs/models.body")));

        Path xdg = OUT.resolve("xdg-cache").toAbsolutePath();
        mojo.environment = EnvironmentLookup.of(Map.of("HOME", home.toString(), "XDG_CACHE_HOME", xdg.toString()));
        mojo.execute();
        assertTrue(Files.isRegularFile(xdg.resolve("model-catalog/docs/models.body")));
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
                log.at("DEBUG")
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

    /* The log while the run goes and after it. */

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    @MojoParameter(name = "providerNames", value = "docs,slow")
    void eachProviderIsLoggedAsItCompletesAndAHangingOneIsNamedWhileTheBuildWaits(FetchMojo mojo) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.route(
                "/slow.json", Response.json("{\"data\": [{\"id\": \"s\"}]}").after(release));
        setVariableValueToObject(mojo, "progressInterval", Duration.ofMillis(50));
        MojoLogRecorder log = recordLog(mojo).onLine(line -> {
            if (line.startsWith("[INFO] Still waiting after ") && line.contains(" for 1 provider: slow ")) {
                release.countDown(); // the build said what it waits for: let the provider answer
            }
        });

        mojo.execute();

        List<String> lines = log.lines();
        int docs = indexOf(lines, "[INFO] docs ");
        int waiting = indexOf(lines, "[INFO] Still waiting after ");
        while (!lines.get(waiting).endsWith(" for 1 provider: slow (limit per request: catalog.timeout)")) {
            waiting++; // earlier lines may name docs too, while it was still running
        }
        int slow = indexOf(lines, "[INFO] slow ");
        int summary = indexOf(lines, "[INFO] 2 providers: 2 written");
        assertTrue(docs < waiting && waiting < slow && slow < summary, log::text);
        assertTrue(
                lines.subList(docs, lines.size()).stream()
                        .filter(l -> l.startsWith("[INFO] Still waiting"))
                        .noneMatch(l -> l.contains("docs")),
                log::text);
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line " + prefix + " in\n" + String.join("\n", lines));
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    @MojoParameter(name = "providerNames", value = "docs,docs2")
    void aFirstRunSumsUpItsAdditionsInOneLine(FetchMojo mojo) throws Exception {
        MojoLogRecorder log = recordLog(mojo);
        mojo.execute();

        assertTrue(log.at("INFO").contains("  first fetch of 2 providers: 3 models added (docs, docs2)"), log::text);
        assertTrue(log.at("INFO").stream().noneMatch(l -> l.startsWith("  docs")), log::text);
        List<String> info = log.at("INFO");
        assertEquals("Catalog: " + OUT.toAbsolutePath().normalize(), info.get(info.size() - 1), "where it wrote, last");
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    @MojoParameter(name = "providerNames", value = "docs")
    void aNotModifiedAnswerShowsTheSizeOfTheCachedBody(FetchMojo mojo) throws Exception {
        server.route(
                "/doc.json",
                Response.json("{\"data\": [{\"id\": \"b\"}, {\"id\": \"a\"}]}").header("ETag", "\"v1\""),
                Response.status(304, ""));
        mojo.execute();
        MojoLogRecorder log = recordLog(mojo);
        mojo.execute();

        assertTrue(
                log.at("INFO").stream()
                        .anyMatch(l -> l.matches(
                                "docs +2 models +36 bytes +\\d+ ms  cache \\(304\\), files verified, unchanged")),
                log::text);
        assertTrue(
                log.at("INFO").stream().anyMatch(l -> l.contains("; 2 models, 36 bytes (36 from the cache) in ")),
                log::text);
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    @MojoParameter(name = "providerNames", value = "docs")
    @MojoParameter(name = "retryAfterCap", value = "-1")
    void aNegativeRetryAfterCapIsRejected(FetchMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("Invalid fetch setting catalog.retryAfterCap: must be 0 or more, was -1 s", e.getMessage());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    @MojoParameter(name = "providerNames", value = "docs")
    @MojoParameter(name = "timeout", value = "-5")
    void aNegativeTimeoutIsRejectedInSecondsNotIsoDurations(FetchMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("Invalid fetch setting catalog.timeout: must be positive, was -5 s", e.getMessage());
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    @MojoParameter(name = "providerNames", value = "docs")
    @MojoParameter(name = "timeout", value = "abc")
    void aTimeoutThatIsNoDurationNamesThePropertyAndTheFormsAndSendsNothing(FetchMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(
                "catalog.timeout=abc: expected a duration such as 30 (seconds), 30s, 500ms, 2m or PT30S",
                e.getMessage());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    @MojoParameter(name = "providerNames", value = "keyed")
    void withoutAnyKeyTheBuildSaysPlainlyThatNothingWasFetched(FetchMojo mojo) throws Exception {
        MojoLogRecorder log = recordLog(mojo);
        mojo.execute();

        assertEquals(
                List.of("No provider had an API key, so none of the 1 that need one was fetched (keyed). Set a "
                        + "provider's key variable (KEYED_TEST_KEY_THAT_IS_UNSET for keyed) or a settings.xml "
                        + "<server> with id catalog-<provider> and run again; the providers goal lists every "
                        + "provider's variable"),
                log.at("WARNING"));
        assertTrue(log.at("INFO").stream().noneMatch(l -> l.contains("skipped:")), log::text);
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    @MojoParameter(name = "providerNames", value = "keyed,nokey")
    void providersWithoutAKeyAreSkippedInOneLine(FetchMojo mojo) throws Exception {
        Settings settings = new Settings();
        Server key = new Server();
        key.setId("catalog-keyed");
        key.setPassword("settings-secret-key");
        settings.addServer(key);
        when(session.getSettings()).thenReturn(settings);
        MojoLogRecorder log = recordLog(mojo);

        mojo.execute();

        assertTrue(
                log.at("INFO")
                        .contains("1 skipped without an API key: nokey (set their key variables or settings.xml "
                                + "<server>s catalog-<provider>; -X names each one's variable)"),
                log::text);
        assertEquals(List.of(), log.at("WARNING"), log::text);
        assertTrue(
                log.at("DEBUG")
                        .contains("nokey skipped: no API key: set NOKEY_TEST_KEY_THAT_IS_UNSET or a "
                                + "settings.xml <server> with id catalog-nokey"),
                log::text);
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    @MojoParameter(name = "providerNames", value = "docs")
    void aDamagedFailureHistoryIsSetAsideWithAWarning(FetchMojo mojo) throws Exception {
        Files.writeString(OUT.resolve("failed_models.json"), "");
        MojoLogRecorder log = recordLog(mojo);

        mojo.execute();

        Path file = OUT.toAbsolutePath().resolve("failed_models.json");
        assertEquals(
                List.of("Cannot read the failure history " + file + ":1:1: not valid JSON: empty body; kept it as "
                        + file + ".broken and went on with an empty history (it only records failures: the catalog "
                        + "is not affected)"),
                log.at("WARNING"));
        assertTrue(Files.exists(OUT.resolve("models_docs.json")));
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    @MojoParameter(name = "providerNames", value = "docs")
    void leftoversOfAKilledRunAreRemovedAndCounted(FetchMojo mojo) throws Exception {
        FileTime hourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        Path json = Files.writeString(OUT.resolve(".models_docs.json.123.tmp"), "{");
        Path body = Files.createDirectories(OUT.resolve("cache/docs")).resolve(".models.body.9.tmp");
        Files.writeString(body, "{");
        Files.setLastModifiedTime(json, hourAgo);
        Files.setLastModifiedTime(body, hourAgo);
        MojoLogRecorder log = recordLog(mojo);

        mojo.execute();

        assertTrue(
                log.at("INFO")
                        .contains("Removed 2 temporary files that an interrupted run left behind: "
                                + json.toAbsolutePath() + ", " + body.toAbsolutePath()),
                log::text);
        assertFalse(Files.exists(json));
        assertFalse(Files.exists(body));
    }

    /* 13.7: the condition and the remedy, not a bare path */

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    @MojoParameter(name = "providerNames", value = "docs")
    void anOutputPathThatIsARegularFileIsSaidSo(FetchMojo mojo) throws Exception {
        Path file = Files.writeString(OUT.resolve("models-file"), "x");
        setVariableValueToObject(mojo, "outputDirectory", file.toFile());

        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        // was "Fetch into X failed: X"
        assertEquals(
                "Fetch into " + file.toAbsolutePath() + " failed: " + file.toAbsolutePath()
                        + " is a regular file, not a "
                        + "folder; remove or rename that file, or choose another folder (catalog.outputDirectory)",
                e.getMessage());
        assertEquals("x", Files.readString(file));
        assertTrue(server.requests().isEmpty(), "nothing fetched");
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    @MojoParameter(name = "providerNames", value = "docs")
    void aFolderThisUserCannotWriteSaysPermissionDeniedAndTheRemedy(FetchMojo mojo) throws Exception {
        Path folder = UnwritableFolders.create(OUT);
        setVariableValueToObject(mojo, "outputDirectory", folder.toFile());

        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        // was "Fetch into X failed: X/.failed_models.json.<n>.tmp"
        assertEquals(
                "Fetch into " + folder + " failed: " + folder + ": permission denied (this user cannot create files "
                        + "in it); give this user write permission on it (chmod u+w " + folder + "), or choose another "
                        + "folder (catalog.outputDirectory)",
                e.getMessage());
        assertTrue(server.requests().isEmpty(), "nothing fetched");
    }

    /* 13.3: a password in a configured base URL is refused where it is read */

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    void aPasswordInAProvidersFileBaseUrlIsRefusedNamingFileAndLine(FetchMojo mojo) throws Exception {
        Path file = OUT.resolve("secret-providers.yaml");
        Files.writeString(
                file, "providers:\n  - name: local\n    kind: openai\n    baseUrl: http://bob:hunter2@localhost/v1\n");
        setVariableValueToObject(mojo, "providersFile", file.toFile());

        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        assertEquals(
                file.toAbsolutePath() + ":4:14: provider 'local': baseUrl 'http://***@localhost/v1' holds a user name "
                        + "or password: remove it and put the key in the provider's key variable (apiKeyEnv) or a "
                        + "settings.xml <server> with id catalog-local",
                e.getMessage());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    @InjectMojo(goal = "fetch", pom = POM)
    void aPasswordInAPomProviderBaseUrlIsRefusedNamingTheEntry(FetchMojo mojo) throws Exception {
        ProviderConfig local = new ProviderConfig();
        local.setName("local");
        local.setBaseUrl("https://bob:hunter2@localhost/v1");
        setVariableValueToObject(mojo, "providers", List.of(local));

        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        assertEquals(
                "<providers> entry 1 (local) in the plugin configuration: provider 'local': baseUrl "
                        + "'https://***@localhost/v1' holds a user name or password: remove it and put the key in the "
                        + "provider's key variable (apiKeyEnv) or a settings.xml <server> with id catalog-local",
                e.getMessage());
    }
}
