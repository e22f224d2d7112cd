package io.modelcatalog.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code providers} on a catalog folder with a real legacy failure history, and the registry every goal builds:
 * built-in providers, a providers file and the POM's {@code <providers>}.
 */
@MojoTest
class ProvidersMojoTest {

    private static final String SETTINGS_PASSWORD = "settings-secret-81e2";

    private static final String POM_WITH_PROVIDERS = """
            <project>
              <build>
                <plugins>
                  <plugin>
                    <artifactId>catalog-maven-plugin</artifactId>
                    <configuration>
                      <providers>
                        <provider>
                          <name>local</name>
                          <baseUrl>http://127.0.0.1:8080/v1</baseUrl>
                          <apiKeyEnv>PATH</apiKeyEnv>
                          <headers>
                            <X-Tenant>tenant-header-value</X-Tenant>
                          </headers>
                        </provider>
                        <provider>
                          <name>openai</name>
                          <kind>openai</kind>
                          <baseUrl>http://127.0.0.1:8081/v1</baseUrl>
                          <apiKeyEnv>LOCAL_OPENAI_KEY</apiKeyEnv>
                        </provider>
                      </providers>
                    </configuration>
                  </plugin>
                </plugins>
              </build>
            </project>
            """;

    @TempDir
    Path tmp;

    @Inject
    private MavenSession session;

    private Path models;
    private final MojoLogRecorder log = new MojoLogRecorder();

    @BeforeEach
    void folderWithHistory() throws Exception {
        models = CorpusFolders.bak(tmp.resolve("models"));
        try (InputStream in = ProvidersMojoTest.class
                .getClassLoader()
                .getResourceAsStream("legacy-corpus/failed_models.example.json")) {
            Files.write(models.resolve("failed_models.json"), in.readAllBytes());
        }
    }

    private ProvidersMojo configure(ProvidersMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "outputDirectory", models.toFile());
        mojo.setLog(log);
        return mojo;
    }

    private String row(String provider) {
        return log.at("INFO").stream()
                .filter(l -> l.startsWith(provider + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + provider + ":\n" + log.text()));
    }

    @Test
    @InjectMojo(goal = "providers")
    void listsEveryProviderWithItsHistoryModelsAndFiles(ProvidersMojo mojo) throws Exception {
        configure(mojo).execute();

        List<String> info = log.at("INFO");
        assertTrue(info.get(0).matches("PROVIDER +KIND +HOST +KEY +LAST RUN +MODELS +FILES"), info.get(0));
        assertEquals(
                40,
                info.stream()
                        .filter(l -> l.matches("[a-z0-9]+ +(openai|anthropic|url) .*"))
                        .count(),
                log::text);
        assertTrue(row("xai").contains("failed 2025-09-08"), row("xai"));
        assertTrue(row("aihorde").contains("ok 2025-09-08"), row("aihorde"));
        assertTrue(row("deepseek").matches("deepseek .* - +2  686 B"), row("deepseek"));
        assertTrue(row("xai").contains(" not set "), row("xai"));
        assertTrue(info.contains("failed_models.json also names providers not in the registry: perplexity"), log::text);
        assertTrue(
                info.contains("files of no registered provider: models_featherless_best.json, "
                        + "models_infermatic_manual.json"),
                log::text);
        assertTrue(info.get(info.size() - 2).startsWith("40 providers; 38 with files in " + models), log::text);
        assertTrue(info.get(info.size() - 2).endsWith("failed_models.json: 6 failed, 19 recovered"), log::text);
        assertEquals(
                "Base URLs, key sources and errors of one provider: -Dcatalog.providers=<name>",
                info.get(info.size() - 1));
        assertEquals(
                List.of(),
                info.subList(0, 41).stream().filter(l -> l.length() > 120).toList(),
                "the table fits 120 columns");
    }

    @Test
    @InjectMojo(goal = "providers")
    void oneProviderInDetail(ProvidersMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "providerNames", "fireworks");
        configure(mojo).execute();

        List<String> info = log.at("INFO");
        assertEquals("Provider fireworks (built-in)", info.get(0));
        assertTrue(
                info.contains("  base URL      https://api.fireworks.ai/inference/v1 (default; env "
                        + "FIREWORKS_API_OPENAI overrides it)"),
                log::text);
        assertTrue(info.contains("  last run      ok"), log::text);
        assertTrue(info.contains("  last success  Mon, 08 Sep 2025 10:29:32 GMT"), log::text);
        assertTrue(info.contains("  models        37"), log::text);
        assertTrue(
                info.stream()
                        .anyMatch(l -> l.startsWith(
                                "  earlier error Unexpected error: Client error " + "'412 Precondition Failed'")),
                log::text);
    }

    @Test
    @InjectMojo(goal = "providers")
    void aKeyFromSettingsShowsItsServerNeverThePassword(ProvidersMojo mojo) throws Exception {
        Settings settings = new Settings();
        Server server = new Server();
        server.setId("catalog-groq");
        server.setPassword(SETTINGS_PASSWORD);
        settings.addServer(server);
        when(session.getSettings()).thenReturn(settings);

        configure(mojo).execute();

        assertTrue(row("groq").contains(" set (settings.xml) "), row("groq"));
        assertFalse(log.text().contains(SETTINGS_PASSWORD), log::text);
    }

    @Test
    @InjectMojo(goal = "providers")
    void unknownProviderIsAnErrorListingValidNames(ProvidersMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "providerNames", "nosuch");
        MojoExecutionException e =
                assertThrows(MojoExecutionException.class, () -> configure(mojo).execute());
        assertTrue(
                e.getMessage().startsWith("catalog.providers: unknown provider nosuch; valid names: aihorde, "),
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "providers")
    void worksWithoutAnyCatalogFolder(ProvidersMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "outputDirectory", tmp.resolve("none").toFile());
        mojo.setLog(log);
        mojo.execute();
        assertTrue(log.at("INFO").get(log.at("INFO").size() - 2).contains("0 with files"), log::text);
    }

    @Test
    @InjectMojo(goal = "providers", pom = POM_WITH_PROVIDERS)
    void pomProvidersAreAddedAndReplaceBuiltInOnesWithALogLine(ProvidersMojo mojo) throws Exception {
        configure(mojo).execute();

        assertTrue(
                log.at("INFO")
                        .contains("Provider openai: the definition in the POM's <providers> replaces the "
                                + "built-in one"),
                log::text);
        assertTrue(row("openai *").contains(" 127.0.0.1:8081 "), row("openai *"));
        // PATH is set in every environment: the key shows as set, and its value nowhere
        assertTrue(row("local *").contains(" set (env) "), row("local *"));
        assertFalse(log.text().contains(System.getenv("PATH")), log::text);
        assertTrue(log.at("INFO").contains("* configured in the POM's <providers>"), log::text);
        assertTrue(
                log.at("INFO").get(log.at("INFO").size() - 2).startsWith("41 providers (2 configured); "), log::text);
    }

    @Test
    @InjectMojo(goal = "providers", pom = POM_WITH_PROVIDERS)
    void detailOfAPomProviderHidesHeaderValues(ProvidersMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "providerNames", "local");
        configure(mojo).execute();

        assertTrue(log.at("INFO").contains("Provider local (configured)"), log::text);
        assertTrue(log.at("INFO").contains("  headers       X-Tenant (values not shown)"), log::text);
        assertFalse(log.text().contains("tenant-header-value"), log::text);
    }

    @Test
    @InjectMojo(goal = "providers", pom = POM_WITH_PROVIDERS)
    void providersFileThenPomLayerOnTheBuiltIns(ProvidersMojo mojo) throws Exception {
        Path file = tmp.resolve("providers.yaml");
        Files.writeString(file, """
                providers:
                  - name: corp
                    kind: openai
                    baseUrl: https://llm.corp.example/v1
                    apiKeyEnv: CORP_LLM_KEY
                  - name: openai
                    kind: openai
                    baseUrl: https://proxy.corp.example/openai/v1
                    apiKeyEnv: OPENAI_API_KEY
                  - name: groq
                    kind: openai
                    baseUrl: https://proxy.corp.example/groq/v1
                    apiKeyEnv: GROQ_API_KEY
                """);
        setVariableValueToObject(mojo, "providersFile", file.toFile());
        configure(mojo).execute();

        List<String> info = log.at("INFO");
        assertTrue(
                info.contains("Provider openai: the definition in " + file + " replaces the built-in one"), log::text);
        assertTrue(info.contains("Provider groq: the definition in " + file + " replaces the built-in one"), log::text);
        assertTrue(
                info.contains("Provider openai: the definition in the POM's <providers> replaces the one in "
                        + "providers.yaml"),
                log::text);
        assertTrue(row("corp *").contains(" llm.corp.example "), row("corp *"));
        assertTrue(row("groq *").contains(" proxy.corp.example "), row("groq *"));
        assertTrue(row("openai *").contains(" 127.0.0.1:8081 "), row("openai *"));
        assertTrue(info.get(info.size() - 2).startsWith("42 providers (4 configured); "), log::text);
    }

    @Test
    @InjectMojo(goal = "providers")
    void aBrokenProvidersFileNamesItsLine(ProvidersMojo mojo) throws Exception {
        Path file = tmp.resolve("providers.yaml");
        Files.writeString(
                file,
                "providers:\n  - name: ok\n    baseUrl: https://a.example/v1\n    kind: openai\n"
                        + "  - name: bad name\n    kind: openai\n    baseUrl: https://b.example/v1\n");
        setVariableValueToObject(mojo, "providersFile", file.toFile());

        MojoExecutionException e =
                assertThrows(MojoExecutionException.class, () -> configure(mojo).execute());

        assertTrue(e.getMessage().startsWith(file + ":5:"), e.getMessage());
        assertTrue(e.getMessage().contains("invalid provider name 'bad name'"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "providers")
    void aMissingProvidersFileIsNamed(ProvidersMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "providersFile", tmp.resolve("nope.yaml").toFile());
        MojoExecutionException e =
                assertThrows(MojoExecutionException.class, () -> configure(mojo).execute());
        assertTrue(
                e.getMessage()
                        .startsWith("The providers file " + tmp.resolve("nope.yaml") + " (catalog.providersFile) "
                                + "does not exist"),
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "providers")
    void aProviderDefinedTwiceInTheFileIsAnError(ProvidersMojo mojo) throws Exception {
        Path file = tmp.resolve("providers.yaml");
        Files.writeString(
                file,
                "providers:\n  - name: corp\n    kind: openai\n    baseUrl: https://a.example/v1\n"
                        + "  - name: corp\n    kind: openai\n    baseUrl: https://b.example/v1\n");
        setVariableValueToObject(mojo, "providersFile", file.toFile());
        MojoExecutionException e =
                assertThrows(MojoExecutionException.class, () -> configure(mojo).execute());
        assertEquals("Provider corp is defined twice in " + file + ": keep one definition", e.getMessage());
    }

    @Test
    @InjectMojo(goal = "providers")
    void aCatalogPathThatIsARegularFileIsSaidSo(ProvidersMojo mojo) throws Exception {
        Path file = Files.writeString(tmp.resolve("models-file"), "x");
        configure(mojo);
        setVariableValueToObject(mojo, "outputDirectory", file.toFile());
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(
                "The catalog folder " + file + " is a regular file, not a folder: point catalog.outputDirectory at "
                        + "the folder the fetch goal writes",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "providers")
    void aYamlSyntaxErrorIsOneLineAtTheParsersPosition(ProvidersMojo mojo) throws Exception {
        // it once was five lines whose location prefix disagreed with the parser's own
        Path file = tmp.resolve("tab.yaml");
        Files.writeString(file, "providers:\n  - name: corp\n\tkind: openai\n");
        setVariableValueToObject(mojo, "providersFile", file.toFile());
        MojoExecutionException e =
                assertThrows(MojoExecutionException.class, () -> configure(mojo).execute());
        assertEquals(
                file + ":3:1: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for "
                        + "indentation) (while scanning for the next token)",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "providers")
    void aBaseUrlThatIsNoHttpUrlIsAnError(ProvidersMojo mojo) throws Exception {
        Path file = tmp.resolve("providers.yaml");
        Files.writeString(file, "providers:\n  - name: corp\n    kind: openai\n    baseUrl: llm.corp.example/v1\n");
        setVariableValueToObject(mojo, "providersFile", file.toFile());
        MojoExecutionException e =
                assertThrows(MojoExecutionException.class, () -> configure(mojo).execute());
        assertEquals(
                "Provider corp in " + file + ": baseUrl 'llm.corp.example/v1' is not an absolute http(s) URL, "
                        + "e.g. https://api.example.com/v1",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "providers", pom = """
            <project><build><plugins><plugin>
              <artifactId>catalog-maven-plugin</artifactId>
              <configuration><providers>
                <provider><name>fine</name><baseUrl>https://a.example/v1</baseUrl></provider>
                <provider><name>no/slash</name><baseUrl>https://b.example/v1</baseUrl></provider>
              </providers></configuration>
            </plugin></plugins></build></project>
            """)
    void anInvalidPomProviderNamesItsEntry(ProvidersMojo mojo) throws Exception {
        MojoExecutionException e =
                assertThrows(MojoExecutionException.class, () -> configure(mojo).execute());
        assertEquals(
                "<providers> entry 2 (no/slash) in the plugin configuration: invalid provider name 'no/slash': "
                        + "use only letters, digits, '.', '_' and '-'",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "providers", pom = """
            <project><build><plugins><plugin>
              <artifactId>catalog-maven-plugin</artifactId>
              <configuration><providers>
                <provider><baseUrl>https://a.example/v1</baseUrl></provider>
              </providers></configuration>
            </plugin></plugins></build></project>
            """)
    void aPomProviderWithoutNameIsExplained(ProvidersMojo mojo) throws Exception {
        MojoExecutionException e =
                assertThrows(MojoExecutionException.class, () -> configure(mojo).execute());
        assertEquals(
                "<providers> entry 1 in the plugin configuration has no <name>: give each <provider> a name of "
                        + "letters, digits, '.', '_' and '-'",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "providers", pom = """
            <project><build><plugins><plugin>
              <artifactId>catalog-maven-plugin</artifactId>
              <configuration><providers>
                <provider><name>odd</name><kind>grpc</kind><baseUrl>https://a.example/v1</baseUrl></provider>
              </providers></configuration>
            </plugin></plugins></build></project>
            """)
    void anUnknownKindListsTheKinds(ProvidersMojo mojo) throws Exception {
        MojoExecutionException e =
                assertThrows(MojoExecutionException.class, () -> configure(mojo).execute());
        assertEquals(
                "<providers> entry 1 (odd) in the plugin configuration: unknown provider kind 'grpc'; use one of "
                        + "openai, anthropic, url",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "providers")
    void anUnreadableHistoryIsAWarning(ProvidersMojo mojo) throws Exception {
        Files.writeString(models.resolve("failed_models.json"), "");

        configure(mojo).execute();

        assertEquals(
                List.of("failed_models.json could not be read: " + models.resolve("failed_models.json") + ":1:1: not "
                        + "valid JSON: empty body; the next fetch keeps it as failed_models.json.broken and starts a "
                        + "new history"),
                log.at("WARNING"));
        assertTrue(log.at("INFO").stream().noneMatch(l -> l.contains("could not be read")), log::text);
    }
}
