package io.modelcatalog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.testing.LoopbackProviderServer;
import io.modelcatalog.testing.LoopbackProviderServer.Response;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provider management in forked Maven builds: the {@code providers} goal on a folder with a real legacy failure
 * history, and providers configured in the POM and in a providers file, fetched from the loopback server.
 */
class ProvidersGoalIT {

    private static final String LOCAL_KEY = "sk-local-it-key-DONOTLEAK";
    private static final String CORP_KEY = "sk-corp-it-key-DONOTLEAK";
    private static final String OPENAI_KEY = "sk-openai-it-key-DONOTLEAK";

    @TempDir
    Path work;

    private LoopbackProviderServer server;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackProviderServer();
        server.route(
                "/local/v1/models",
                Response.json("{\"object\": \"list\", \"data\": [{\"id\": \"zeta-7b\", "
                        + "\"context_length\": 8192}, {\"id\": \"alpha-70b\", \"context_length\": 32768}]}"));
        server.route("/corp-openai/v1/models", Response.json("{\"data\": [{\"id\": \"gpt-corp\"}]}"));
        server.route(
                "/corp/v1/models", Response.json("{\"data\": [{\"id\": \"corp-chat\"}, {\"id\": \"corp-code\"}]}"));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private static void assertNoKeys(ForkedMaven.Result result) {
        for (String key : new String[] {LOCAL_KEY, CORP_KEY, OPENAI_KEY}) {
            assertFalse(result.text().contains(key), "a key in the log:\n" + result.text());
        }
    }

    @Test
    void theReportWithoutAPomSaysWhatToRunInstead() throws Exception {
        ForkedMaven.Result report =
                new ForkedMaven(work).goals(ForkedMaven.goal("report")).run();
        assertEquals(1, report.exitCode(), report::text);
        assertTrue(
                report.logContains("The report goal renders the catalog as a page of a project"
                        + " (target/reports/catalog-report.html, or the project's site), and there is no POM in "
                        + work.toRealPath() + ". Run it in a project that declares the plugin (mvn catalog:report, or"
                        + " mvn site with the report in <reporting>; the quickstart's examples/quickstart/pom.xml is"
                        + " one), or, without a POM, list the catalog with mvn " + ForkedMaven.goal("providers")
                        + " and mvn " + ForkedMaven.goal("models")),
                report::text);
        assertFalse(report.logContains("Goal requires a project"), report::text);
        assertFalse(Files.exists(work.resolve("target")), "nothing written");
    }

    @Test
    void providersGoalOnAFolderWithAFailureHistory() throws Exception {
        Path models = VerifyCompatIT.writeBak(work.resolve("models"));
        try (InputStream in = ProvidersGoalIT.class
                .getClassLoader()
                .getResourceAsStream("legacy-corpus/failed_models.example.json")) {
            Files.write(models.resolve("failed_models.json"), in.readAllBytes());
        }

        // no POM and no catalog.outputDirectory: the goal reads ./models
        ForkedMaven.Result table = new ForkedMaven(work)
                .goals(ForkedMaven.goal("providers"))
                .env("OPENAI_API_KEY", OPENAI_KEY)
                .run();

        assertEquals(0, table.exitCode(), table::text);
        assertTrue(
                table.log().stream()
                        .anyMatch(l -> l.matches("\\[INFO\\] PROVIDER +KIND +HOST +KEY +LAST RUN +MODELS +FILES")),
                table::text);
        assertTrue(
                table.log().stream()
                        .anyMatch(l -> l.matches("\\[INFO\\] xai +openai +api.x.ai +not set +failed 2025-09-08 +- +-")),
                table::text);
        assertTrue(
                table.log().stream()
                        .anyMatch(l -> l.matches("\\[INFO\\] openai +openai +api.openai.com +set \\(env\\) "
                                + "+ok 2025-09-08 +83 +22.1 KiB")),
                table::text);
        assertEquals(
                List.of(),
                table.log().stream()
                        .filter(l -> l.matches("\\[INFO\\] \\S+( \\*)? +(KIND|openai|anthropic|url) .*"))
                        .filter(l -> l.length() > "[INFO] ".length() + 120)
                        .toList(),
                "the table fits 120 columns");
        assertTrue(
                table.logContains("[INFO] failed_models.json also names providers not in the registry: perplexity"),
                table::text);
        assertTrue(
                table.logContains("40 providers; 38 with files in " + models + ": 10068 models, 5.7 MiB; keys set for "
                        + "1 of the 39 that need one; failed_models.json: 6 failed, 19 recovered"),
                table::text);
        assertNoKeys(table);

        ForkedMaven.Result detail = new ForkedMaven(work)
                .goals(ForkedMaven.goal("providers"))
                .property("catalog.outputDirectory", models)
                .property("catalog.providers", "infermatic")
                .run();
        assertEquals(0, detail.exitCode(), detail::text);
        assertTrue(detail.logContains("[INFO] Provider infermatic (built-in)"), detail::text);
        assertTrue(detail.logContains("[INFO]   last run      FAILED"), detail::text);
        assertTrue(
                detail.logContains("[INFO]   error         Unexpected error: Client error '401 Unauthorized' for url "
                        + "'https://api.totalgpt.ai/v1/models'"),
                detail::text);
        assertTrue(detail.logContains("[INFO]   models        25"), detail::text);
    }

    @Test
    void pomProvidersAreFetchedFromTheLoopbackServer() throws Exception {
        Files.writeString(work.resolve("pom.xml"), """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>io.modelcatalog.it</groupId>
                  <artifactId>pom-providers</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>io.modelcatalog</groupId>
                        <artifactId>catalog-maven-plugin</artifactId>
                        <version>%s</version>
                        <configuration>
                          <providers>
                            <provider>
                              <name>local</name>
                              <baseUrl>%s/local/v1</baseUrl>
                              <apiKeyEnv>LOCAL_LLM_KEY</apiKeyEnv>
                            </provider>
                            <provider>
                              <name>openai</name>
                              <baseUrl>%s/corp-openai/v1</baseUrl>
                              <apiKeyEnv>OPENAI_API_KEY</apiKeyEnv>
                            </provider>
                          </providers>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(
                        System.getProperty("it.pluginVersion"), server.baseUrl(), server.baseUrl()));

        ForkedMaven.Result result = new ForkedMaven(work)
                .goals(ForkedMaven.goal("fetch"), ForkedMaven.goal("providers"))
                .property("catalog.providers", "local,openai")
                .env("LOCAL_LLM_KEY", LOCAL_KEY)
                .env("OPENAI_API_KEY", OPENAI_KEY)
                .run();

        assertEquals(0, result.exitCode(), result::text);
        assertTrue(
                result.logContains("[INFO] Provider openai: the definition in the POM's <providers> replaces the "
                        + "built-in one"),
                result::text);
        Path models = work.resolve("models");
        assertEquals("alpha-70b\nzeta-7b", Files.readString(models.resolve("models_local.txt")));
        assertEquals("gpt-corp", Files.readString(models.resolve("models_openai.txt")));
        String toml = Files.readString(models.resolve("models_local.toml"));
        assertTrue(
                toml.startsWith("[model_providers.local]\nbase_url = \"" + server.baseUrl() + "/local/v1\"\n"
                        + "name = \"local\"\nwire_api = \"chat\"\nenv_key = \"LOCAL_LLM_KEY\"\n"),
                toml);
        assertTrue(
                toml.contains(
                        "[profiles.loc_alpha_70b]\napproval_policy = \"never\"\nmodel = \"alpha-70b\"\n"
                                + "model_provider = \"local\"\nmodel_reasoning_effort = \"high\"\nmodel_context_window = 32768\n"),
                toml);
        assertEquals(
                "Bearer " + LOCAL_KEY,
                server.requestsTo("/local/v1/models").get(0).header("authorization"));
        assertEquals(
                "Bearer " + OPENAI_KEY,
                server.requestsTo("/corp-openai/v1/models").get(0).header("authorization"));
        // the providers goal of the same build shows the configured providers in detail
        assertTrue(result.logContains("[INFO] Provider local (configured)"), result::text);
        assertTrue(result.logContains("[INFO] Provider openai (configured, replaces the built-in one)"), result::text);
        assertTrue(result.logContains("[INFO]   key           set, from env LOCAL_LLM_KEY"), result::text);
        assertTrue(result.logContains("[INFO]   models        2"), result::text);
        assertNoKeys(result);
    }

    @Test
    void providersFileProvidersAreFetchedFromTheLoopbackServerWithTheirHeaders() throws Exception {
        Path file = work.resolve("providers.yaml");
        Files.writeString(file, """
                providers:
                  - name: corp
                    kind: openai
                    baseUrl: %s/corp/v1
                    apiKeyEnv: CORP_LLM_KEY
                    headers:
                      X-Tenant: acme
                """.formatted(server.baseUrl()));
        Path models = work.resolve("catalog");

        ForkedMaven.Result result = new ForkedMaven(work)
                .goals(ForkedMaven.goal("fetch"), ForkedMaven.goal("providers"))
                .property("catalog.providersFile", file)
                .property("catalog.outputDirectory", models)
                .property("catalog.providers", "corp")
                .env("CORP_LLM_KEY", CORP_KEY)
                .run();

        assertEquals(0, result.exitCode(), result::text);
        assertEquals("corp-chat\ncorp-code", Files.readString(models.resolve("models_corp.txt")));
        LoopbackProviderServer.Request request =
                server.requestsTo("/corp/v1/models").get(0);
        assertEquals("Bearer " + CORP_KEY, request.header("authorization"));
        assertEquals("acme", request.header("x-tenant"));
        assertTrue(result.logContains("[INFO] Provider corp (configured)"), result::text);
        assertTrue(result.logContains("[INFO]   headers       X-Tenant (values not shown)"), result::text);
        assertNoKeys(result);

        // a broken file stops the build, naming the file and line
        Files.writeString(
                file, "providers:\n  - name: corp\n    kind: carrier-pigeon\n    baseUrl: https://x.example/v1\n");
        ForkedMaven.Result broken = new ForkedMaven(work)
                .goals(ForkedMaven.goal("providers"))
                .property("catalog.providersFile", file)
                .run();
        assertTrue(broken.exitCode() != 0, broken::text);
        assertTrue(broken.logContains(file + ":2:"), broken::text);
        assertTrue(broken.logContains("unknown provider kind 'carrier-pigeon'"), broken::text);
    }
}
