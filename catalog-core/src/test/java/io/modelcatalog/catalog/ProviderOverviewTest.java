package io.modelcatalog.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.providers.ApiKey;
import io.modelcatalog.providers.CredentialLookup;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderKind;
import io.modelcatalog.providers.ProviderLayer;
import io.modelcatalog.providers.ProviderRegistry;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The providers overview on the real legacy dump folder with the real legacy failed_models.json. */
class ProviderOverviewTest {

    private static final String OPENAI_KEY = "sk-test-7f3a9c1e55";
    private static final String GROQ_KEY = "gsk-from-settings-0d1e";

    @TempDir
    Path tmp;

    private Path folder;
    private final EnvironmentLookup env = EnvironmentLookup.of(
            Map.of("OPENAI_API_KEY", OPENAI_KEY, "ZAI_API_OPENAI", "http://user:hunter2@127.0.0.1:9/zai"));
    private final CredentialLookup credentials = CredentialLookup.environment(env)
            .orElse(p -> p.name().equals("groq")
                    ? Optional.of(new ApiKey(GROQ_KEY, "settings.xml server catalog-groq"))
                    : Optional.empty());

    @BeforeEach
    void folderWithHistory() throws IOException, URISyntaxException {
        Path corpus =
                Path.of(ProviderOverviewTest.class.getResource("/legacy-corpus").toURI());
        folder = tmp.resolve("models");
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(corpus.resolve("bak"))) {
            for (Path f : files.toList()) {
                Files.copy(f, folder.resolve(f.getFileName()));
            }
        }
        Files.copy(corpus.resolve("failed_models.example.json"), folder.resolve(CatalogLayout.FAILED_MODELS));
    }

    private static ProviderOverviewText text(ProviderOverview overview) {
        return new ProviderOverviewText(overview);
    }

    private ProviderOverview overview(ProviderRegistry registry) throws IOException {
        return ProviderOverview.read(
                registry, folder, env, credentials, p -> Optional.of("settings.xml server catalog-" + p.name()));
    }

    private static String row(List<String> table, String provider) {
        return table.stream()
                .filter(l -> l.startsWith(provider + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + provider + " in\n" + String.join("\n", table)));
    }

    private static void assertNoSecrets(List<String> lines) {
        for (String line : lines) {
            assertFalse(line.contains(OPENAI_KEY), line);
            assertFalse(line.contains(GROQ_KEY), line);
            assertFalse(line.contains("hunter2"), line);
        }
    }

    @Test
    void tableShowsEveryProviderAligned() throws IOException {
        List<String> table = text(overview(ProviderRegistry.builtIn())).table();

        assertEquals(41, table.size());
        String header = table.get(0);
        assertTrue(header.startsWith("PROVIDER"), header);
        int kindColumn = header.indexOf("KIND");
        int keyColumn = header.indexOf("KEY");
        for (String line : table.subList(1, table.size())) {
            assertEquals(' ', line.charAt(kindColumn - 1), line);
            assertTrue(Character.isLetter(line.charAt(kindColumn)), line);
            assertTrue(Character.isLetter(line.charAt(keyColumn)), line);
        }
        assertNoSecrets(table);
    }

    @Test
    void theTableFitsA120ColumnLine() throws IOException {
        // it once was about 260 columns wide; the full base URLs, key sources and errors are in the detail
        List<String> table = text(overview(ProviderRegistry.builtIn())).table();

        assertEquals(
                List.of(),
                table.stream()
                        .filter(l -> l.length() > ProviderOverviewText.TABLE_WIDTH)
                        .toList());
        assertTrue(table.get(0).matches("PROVIDER +KIND +HOST +KEY +LAST RUN +MODELS +FILES"), table.get(0));
        assertTrue(row(table, "zai").contains(" 127.0.0.1:9 (env) "), row(table, "zai"));
    }

    @Test
    void aLongHostIsShortenedToKeepTheTableWithin120Columns() throws IOException {
        ProviderRegistry registry = ProviderRegistry.layered(List.of(
                ProviderLayer.builtInProviders(),
                ProviderLayer.configured(
                        "the build file",
                        "the build file's one",
                        List.of(new ProviderDefinition(
                                "corporate-gateway",
                                ProviderKind.OPENAI,
                                "LONG_KEY",
                                null,
                                "https://" + "very-long-subdomain.".repeat(5) + "example.com/v1",
                                null)))));

        List<String> table = text(overview(registry)).table();

        assertEquals(
                List.of(),
                table.stream()
                        .filter(l -> l.length() > ProviderOverviewText.TABLE_WIDTH)
                        .toList());
        String row = row(table, "corporate-gateway *");
        assertTrue(row.matches(".*  very-long-subdomain\\.[a-z.-]*\\.\\.\\.  +not set .*"), row);
    }

    @Test
    void keysShowWhereTheyComeFromNeverTheirValue() throws IOException {
        List<String> table = text(overview(ProviderRegistry.builtIn())).table();

        assertTrue(row(table, "openai").contains("  set (env)  "), row(table, "openai"));
        assertTrue(row(table, "groq").contains("  set (settings.xml)  "), row(table, "groq"));
        assertTrue(row(table, "xai").contains("  not set  "), row(table, "xai"));
        assertTrue(row(table, "litellm").contains("not needed"), row(table, "litellm"));
        assertNoSecrets(table);
    }

    @Test
    void lastRunComesFromTheLegacyFailedModelsFile() throws IOException {
        List<String> table = text(overview(ProviderRegistry.builtIn())).table();

        assertTrue(row(table, "xai").contains("failed 2025-09-08"), row(table, "xai"));
        assertTrue(row(table, "aihorde").contains("ok 2025-09-08"), row(table, "aihorde"));
        assertTrue(row(table, "deepseek").matches("deepseek .* - +2  686 B"), row(table, "deepseek"));
    }

    @Test
    void modelCountsAndSizesComeFromTheFolder() throws IOException {
        ProviderOverview overview = overview(ProviderRegistry.builtIn());

        ProviderStatus featherless = overview.status("featherless").orElseThrow();
        assertEquals(1956258L, featherless.files().json().getAsLong());
        assertEquals(
                Files.readString(folder.resolve("models_featherless.txt")).split("\n").length,
                featherless.models().getAsInt());
        // txt-only leftovers ("error\n", and an error object's keys): counted from the txt
        ProviderStatus morphllm = overview.status("morphllm").orElseThrow();
        assertTrue(morphllm.files().json().isEmpty());
        assertEquals(1, morphllm.models().getAsInt());
        assertTrue(
                row(text(overview).table(), "morphllm").matches("morphllm .* 1  6 B \\(txt only\\)"),
                row(text(overview).table(), "morphllm"));
        assertEquals(3, overview.status("nineteenai").orElseThrow().models().getAsInt());
        // no files at all
        assertTrue(overview.status("xai").orElseThrow().models().isEmpty());
    }

    @Test
    void notesNameUnknownProvidersOfTheHistoryAndStrayFiles() throws IOException {
        List<String> notes = text(overview(ProviderRegistry.builtIn())).notes();

        assertEquals(
                List.of(
                        "failed_models.json also names providers not in the registry: perplexity",
                        "files of no registered provider: models_featherless_best.json, models_infermatic_manual.json"),
                notes);
    }

    @Test
    void summaryCountsProvidersModelsKeysAndFailures() throws IOException {
        String summary = text(overview(ProviderRegistry.builtIn())).summary();

        assertTrue(summary.startsWith("40 providers; 38 with files in " + folder + ": "), summary);
        assertTrue(summary.contains("keys set for 2 of the 39 that need one"), summary);
        assertTrue(summary.endsWith("failed_models.json: 6 failed, 19 recovered"), summary);
    }

    @Test
    void detailOfAFailedProvider() throws IOException {
        List<String> detail = text(overview(ProviderRegistry.builtIn())).detail("xai");

        assertEquals("Provider xai (built-in)", detail.get(0));
        assertTrue(detail.contains("  kind          openai"), detail::toString);
        assertTrue(
                detail.contains("  base URL      https://api.x.ai/v1 (default; env XAI_API_OPENAI overrides it)"),
                detail::toString);
        assertTrue(detail.contains("  models URL    https://api.x.ai/v1/models"), detail::toString);
        assertTrue(
                detail.contains("  key           not set; set env XAI_API_KEY or settings.xml server catalog-xai "
                        + "(the provider is skipped without a key)"),
                detail::toString);
        assertTrue(detail.contains("  last run      FAILED"), detail::toString);
        assertTrue(detail.contains("  last attempt  2025-09-08T12:29:32.400806"), detail::toString);
        assertTrue(
                detail.contains("  error         Unexpected error: Client error '403 Forbidden' for url "
                        + "'https://api.x.ai/v1/models'"),
                detail::toString);
        assertTrue(
                detail.contains("                For more information check: "
                        + "https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/403"),
                detail::toString);
        assertTrue(detail.contains("  files         none in " + folder), detail::toString);
    }

    @Test
    void detailOfARecoveredProviderWithAnEnvBaseUrl() throws IOException {
        List<String> detail = text(overview(ProviderRegistry.builtIn())).detail("zai");
        assertTrue(
                detail.contains("  base URL      http://***@127.0.0.1:9/zai (from env ZAI_API_OPENAI; default "
                        + "https://api.z.ai/api/paas/v4)"),
                detail::toString);
        assertTrue(
                detail.contains("  files         models_zai.json 272 B, models_zai.txt 19 B, models_zai.toml 373 B"),
                detail::toString);
        assertTrue(detail.contains("  models        2"), detail::toString);
        assertNoSecrets(detail);

        List<String> aihorde = text(overview(ProviderRegistry.builtIn())).detail("aihorde");
        assertTrue(aihorde.contains("  last run      ok"), aihorde::toString);
        assertTrue(
                aihorde.contains("  earlier error 404 Client Error: Not Found for url: https://oai.aihorde.net/models"),
                aihorde::toString);
        assertTrue(aihorde.contains("  last success  Mon, 08 Sep 2025 10:29:31 GMT"), aihorde::toString);

        List<String> openai = text(overview(ProviderRegistry.builtIn())).detail("openai");
        assertTrue(
                openai.contains("  key           set, from env OPENAI_API_KEY (looked up in order: env OPENAI_API_KEY, "
                        + "settings.xml server catalog-openai)"),
                openai::toString);
        assertNoSecrets(openai);
    }

    @Test
    void configuredProvidersAreMarkedAndTheirHeaderValuesHidden() throws IOException {
        ProviderRegistry registry = ProviderRegistry.layered(List.of(
                ProviderLayer.builtInProviders(),
                ProviderLayer.configured(
                        "the build file",
                        "the build file's one",
                        List.of(
                                new ProviderDefinition(
                                        "local",
                                        ProviderKind.OPENAI,
                                        "LOCAL_KEY",
                                        null,
                                        "http://127.0.0.1:8080/v1",
                                        Map.of("X-Tenant", "tenant-secret-value")),
                                new ProviderDefinition(
                                        "openai",
                                        ProviderKind.OPENAI,
                                        "OPENAI_API_KEY",
                                        null,
                                        "http://127.0.0.1:8081/v1",
                                        null)))));
        ProviderOverview overview = overview(registry);

        assertTrue(row(text(overview).table(), "openai *").contains(" 127.0.0.1:8081 "));
        assertTrue(row(text(overview).table(), "local *").contains(" not set "));
        assertEquals("* configured in the build file", text(overview).notes().get(0));
        assertTrue(
                text(overview).summary().startsWith("41 providers (2 configured); "),
                text(overview).summary());
        List<String> detail = text(overview).detail("local");
        assertEquals("Provider local (configured)", detail.get(0));
        assertTrue(detail.contains("  headers       X-Tenant (values not shown)"), detail::toString);
        assertTrue(detail.stream().noneMatch(l -> l.contains("tenant-secret-value")));
        assertEquals(
                "Provider openai (configured, replaces the built-in one)",
                text(overview).detail("openai").get(0));
    }

    @Test
    void aBrokenHistoryFileIsReportedNotFatal() throws IOException {
        Files.writeString(folder.resolve(CatalogLayout.FAILED_MODELS), "{\n  \"xai\": {\"failed\": true,\n");

        ProviderOverview overview = overview(ProviderRegistry.builtIn());

        assertTrue(
                overview.historyProblem().orElseThrow().startsWith(folder.resolve("failed_models.json") + ":3:"),
                overview.historyProblem().get());
        assertTrue(row(text(overview).table(), "xai").contains(" - "));
    }

    @Test
    void anEmptyOrMissingFolderShowsTheRegistry() throws IOException {
        ProviderOverview overview = ProviderOverview.read(
                ProviderRegistry.builtIn(), tmp.resolve("none"), env, credentials, p -> Optional.empty());

        assertEquals(41, text(overview).table().size());
        assertTrue(
                text(overview).summary().contains("0 with files"),
                text(overview).summary());
        assertTrue(row(text(overview).table(), "xai").contains(" not set "));
    }

    @Test
    void urlsShowNoCredentials() {
        assertEquals("https://***@host.example/v1", ProviderOverviewText.safeUrl("https://user:pw@host.example/v1"));
        assertEquals(
                "https://host.example/doc.json?include_public=true&api_key=***&x=1",
                ProviderOverviewText.safeUrl("https://host.example/doc.json?include_public=true&api_key=abc123&x=1"));
        assertEquals(
                "https://host.example/v1?KEY=***", ProviderOverviewText.safeUrl("https://host.example/v1?KEY=abc"));
        assertEquals("https://api.openai.com/v1", ProviderOverviewText.safeUrl("https://api.openai.com/v1"));
    }

    @Test
    void humanSizes() {
        assertEquals("0 B", ProviderOverviewText.humanSize(0));
        assertEquals("1023 B", ProviderOverviewText.humanSize(1023));
        assertEquals("1.0 KiB", ProviderOverviewText.humanSize(1024));
        assertEquals("1.9 MiB", ProviderOverviewText.humanSize(1956258));
    }

    @Test
    void anErrorAnOlderRunRecordedWithAPasswordInAUrlIsShownMasked() throws IOException {
        Files.writeString(
                folder.resolve(CatalogLayout.FAILED_MODELS),
                "{\"xai\": {\"failed\": true, \"error\": \"HTTP 401 from http://bob:hunter2@10.0.0.1/v1/models\", "
                        + "\"last_attempt\": \"2025-09-08T12:29:32\"}}");

        List<String> detail = text(overview(ProviderRegistry.builtIn())).detail("xai");

        assertTrue(detail.contains("  error         HTTP 401 from http://***@10.0.0.1/v1/models"), detail::toString);
        assertNoSecrets(detail);
    }
}
