package io.modelcatalog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcatalog.it.toolconfigs.ConnectionTrap;
import io.modelcatalog.it.toolconfigs.CorpusCatalog;
import io.modelcatalog.it.toolconfigs.OpenCodeBinary;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.toolconfigs.CatalogQuery;
import io.modelcatalog.toolconfigs.ConfigGenerator;
import io.modelcatalog.toolconfigs.GenerateConfigsRequest;
import io.modelcatalog.toolconfigs.GenerateConfigsResult;
import io.modelcatalog.toolconfigs.OpenCodeConfig;
import io.modelcatalog.tools.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real OpenCode CLI (the pinned {@code opencode-ai} of {@code .ci/install-tools}) loads what generate-configs
 * writes for the corpus catalog, and {@code opencode models} lists exactly the catalog's models (keyed by the
 * writer's names: Gemini's without {@code models/}) for every provider. OpenCode validates its config strictly,
 * so a file it loads has the right field names and types.
 *
 * <p>OpenCode runs with a HOME and XDG folders of its own, {@code OPENCODE_DISABLE_MODELS_FETCH=1} and every proxy
 * variable pointing at a loopback trap: each run must leave the trap untouched (no outbound request), and one run
 * with the models fetch allowed shows that the trap does see OpenCode's requests. A run costs about 5 s of CPU
 * (the binary is 180 MB), so all providers' entries are loaded together in one run, and two files as written in
 * another: four runs in all. Without the binary it is skipped, saying why, on a developer's machine, and fails in
 * CI.
 */
class OpenCodeCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Loaded as written, together in one run (one as the global config, one as {@code OPENCODE_CONFIG}): Anthropic's
     * npm, and names without Gemini's {@code models/}.
     */
    private static final List<String> AS_WRITTEN = List.of("anthropic", "gemini");

    /**
     * Models OpenCode 1.18.33 deletes from any config, by provider id (hard-coded in its provider loader: they do
     * not support tools); the writer keeps them, as the catalog lists them.
     */
    private static final Map<String, Set<String>> OPENCODE_DROPS = Map.of(
            "openai", Set.of("gpt-5-chat-latest"), "openrouter", Set.of("gpt-5-chat-latest", "openai/gpt-5-chat"));

    @TempDir
    static Path work;

    static OpenCodeBinary opencode;
    static Path configs;
    static GenerateConfigsResult result;
    static ConnectionTrap trap;
    static Path home;

    @BeforeAll
    static void generateFromTheCorpus() throws IOException, InterruptedException {
        opencode = OpenCodeBinary.require(Path.of(System.getProperty("user.dir")));
        trap = new ConnectionTrap();
        home = work.resolve("home");
        Path catalog = CorpusCatalog.copyTo(work.resolve("catalog"));
        configs = work.resolve("configs");
        result = new ConfigGenerator()
                .generate(new GenerateConfigsRequest(
                        CatalogQuery.builder(catalog)
                                .registry(ProviderRegistry.builtIn())
                                .env(EnvironmentLookup.of(Map.of()))
                                .build(),
                        configs,
                        Tool.writers(Set.of(Tool.OPENCODE))));
        assertFalse(result.generated().isEmpty());
        System.out.println("OpenCodeCliIT: " + opencode.executable() + ", opencode-ai " + opencode.packageVersion());
    }

    @AfterAll
    static void closeTrap() throws IOException {
        if (trap != null) {
            trap.close();
        }
    }

    /** A run with the models fetch disabled, which must not reach the trap. */
    private static OpenCodeBinary.Result offline(Path globalConfig, Path config, String... args)
            throws IOException, InterruptedException {
        List<String> before = trap.seen();
        OpenCodeBinary.Result r =
                opencode.run(home, work.resolve("cwd"), globalConfig, config, trap.port(), false, args);
        assertEquals(before, trap.seen(), () -> "opencode " + String.join(" ", args) + " tried the network");
        System.out.println("OpenCodeCliIT: opencode " + String.join(" ", args) + " with " + config.getFileName()
                + ": exit " + r.exitCode() + " in " + r.millis() + " ms");
        return r;
    }

    /** What {@code opencode models} must list for a provider: its file's models, less what OpenCode drops. */
    private static Set<String> expectedListing(String provider) throws IOException {
        Set<String> names = namesIn(provider);
        names.removeAll(OPENCODE_DROPS.getOrDefault(provider, Set.of()));
        return names;
    }

    /** The model names of a generated file: the keys of its provider's {@code models}. */
    private static Set<String> namesIn(String provider) throws IOException {
        JsonNode models = JSON.readTree(
                        configs.resolve("opencode/models_" + provider + ".json").toFile())
                .get("provider")
                .get(provider)
                .get("models");
        Set<String> names = new TreeSet<>();
        models.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** {@code opencode models} output ({@code provider/model} per line) grouped by provider. */
    private static Map<String, List<String>> listed(String stdout) {
        Map<String, List<String>> byProvider = new HashMap<>();
        for (String line : stdout.split("\n")) {
            int slash = line.indexOf('/');
            if (slash > 0) {
                byProvider
                        .computeIfAbsent(line.substring(0, slash), k -> new ArrayList<>())
                        .add(line.substring(slash + 1));
            }
        }
        return byProvider;
    }

    @Test
    void allProvidersTogetherListExactlyTheCatalogsModels() throws IOException, InterruptedException {
        ObjectNode all = JSON.createObjectNode();
        all.put("$schema", OpenCodeConfig.SCHEMA);
        ObjectNode providers = all.putObject("provider");
        for (GenerateConfigsResult.ProviderSummary s : result.generated()) {
            JsonNode doc = JSON.readTree(
                    configs.resolve("opencode/models_" + s.provider() + ".json").toFile());
            providers.set(s.provider(), doc.get("provider").get(s.provider()));
        }
        Path config = work.resolve("all-providers.json");
        Files.write(config, OpenCodeConfig.toJson(all));

        OpenCodeBinary.Result r = offline(null, config, "models");
        assertEquals(0, r.exitCode(), r::text);
        Map<String, List<String>> listed = listed(r.stdout());
        List<String> wrong = new ArrayList<>();
        int models = 0;
        for (GenerateConfigsResult.ProviderSummary s : result.generated()) {
            Set<String> expected = expectedListing(s.provider());
            List<String> got = listed.getOrDefault(s.provider(), List.of());
            models += expected.size();
            if (!expected.equals(new TreeSet<>(got)) || got.size() != expected.size()) {
                Set<String> missing = new TreeSet<>(expected);
                missing.removeAll(got);
                Set<String> extra = new TreeSet<>(got);
                extra.removeAll(expected);
                wrong.add(s.provider() + ": " + got.size() + " listed, " + expected.size() + " in the catalog; missing "
                        + first(missing) + ", extra " + first(extra));
            }
        }
        assertEquals(List.of(), wrong);
        System.out.println("OpenCodeCliIT: " + result.generated().size() + " providers, " + models
                + " models listed in one run of " + r.millis() + " ms");
    }

    @Test
    void filesLoadAsWritten() throws IOException, InterruptedException {
        OpenCodeBinary.Result r = offline(
                configs.resolve("opencode/models_" + AS_WRITTEN.get(0) + ".json"),
                configs.resolve("opencode/models_" + AS_WRITTEN.get(1) + ".json"),
                "models");
        assertEquals(0, r.exitCode(), r::text);
        for (String p : AS_WRITTEN) {
            List<String> got = listed(r.stdout()).getOrDefault(p, List.of());
            assertEquals(expectedListing(p), new TreeSet<>(got), p);
            assertEquals(expectedListing(p).size(), got.size(), p);
        }
    }

    /** The check really checks: OpenCode rejects a file with a string where a number belongs, naming the path. */
    @Test
    void aWrongTypeIsRejectedWithItsPath() throws IOException, InterruptedException {
        String text = Files.readString(configs.resolve("opencode/models_groq.json"));
        String broken = text.replaceFirst("\"context\": (\\d+)", "\"context\": \"$1\"");
        assertNotEquals(text, broken);
        Path config = work.resolve("broken.json");
        Files.writeString(config, broken);
        OpenCodeBinary.Result r = offline(null, config, "models", "groq");
        assertNotEquals(0, r.exitCode(), r::text);
        assertTrue(r.stdout().contains("limit.context") || r.stderr().contains("limit.context"), r::text);
    }

    /** The no-network assertion has teeth: with the models fetch allowed, OpenCode's request reaches the trap. */
    @Test
    void theTrapSeesOpenCodesRequestsWhenTheModelsFetchIsAllowed() throws IOException, InterruptedException {
        try (ConnectionTrap control = new ConnectionTrap()) {
            OpenCodeBinary.Result r = opencode.run(
                    work.resolve("home-control"),
                    work.resolve("cwd"),
                    configs.resolve("opencode/models_zai.json"),
                    control.port(),
                    true,
                    "models",
                    "zai");
            assertEquals(0, r.exitCode(), r::text);
            assertTrue(
                    control.seen().stream().anyMatch(l -> l.startsWith("CONNECT ")),
                    () -> "the trap saw " + control.seen() + "\n" + r.text());
        }
    }

    private static String first(Set<String> s) {
        List<String> l = new ArrayList<>(new LinkedHashSet<>(s));
        return l.size() <= 5 ? l.toString() : l.subList(0, 5) + " and " + (l.size() - 5) + " more";
    }
}
