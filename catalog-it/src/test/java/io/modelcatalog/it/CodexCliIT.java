package io.modelcatalog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.it.toolconfigs.CodexBinary;
import io.modelcatalog.it.toolconfigs.CorpusCatalog;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.toolconfigs.CatalogQuery;
import io.modelcatalog.toolconfigs.CodexProfileNames;
import io.modelcatalog.toolconfigs.ConfigGenerator;
import io.modelcatalog.toolconfigs.GenerateConfigsRequest;
import io.modelcatalog.toolconfigs.GenerateConfigsResult;
import io.modelcatalog.tools.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real codex CLI (the pinned {@code @openai/codex} of {@code .ci/install-tools}) loads what
 * generate-configs writes for the corpus catalog: every provider file, and a sample of profile files, with
 * {@code --strict-config} (unknown keys are errors), as the tool-configs README's offline check does. Without the
 * binary it is skipped, saying why, on a developer's machine, and fails in CI.
 */
class CodexCliIT {

    @TempDir
    static Path work;

    static CodexBinary codex;
    static Path configs;
    static GenerateConfigsResult result;

    @BeforeAll
    static void generateFromTheCorpus() throws IOException, InterruptedException {
        codex = CodexBinary.require(Path.of(System.getProperty("user.dir")));
        Path emptyDir = Files.createDirectories(work.resolve("version-run"));
        CodexBinary.Result version = codex.version(emptyDir);
        assertEquals(0, version.exitCode(), version.output());
        System.out.println("CodexCliIT: " + codex.executable() + " reports "
                + version.output().trim());

        Path catalog = CorpusCatalog.copyTo(work.resolve("catalog"));
        configs = work.resolve("configs");
        result = new ConfigGenerator()
                .generate(new GenerateConfigsRequest(
                        CatalogQuery.builder(catalog)
                                .registry(ProviderRegistry.builtIn())
                                .env(EnvironmentLookup.of(Map.of()))
                                .build(),
                        configs,
                        Tool.writers(Set.of(Tool.CODEX))));
        assertFalse(result.generated().isEmpty());
    }

    /** A fresh CODEX_HOME holding {@code text} as config.toml, checked from a fresh empty working folder. */
    private static CodexBinary.Result check(String name, String configToml) throws IOException, InterruptedException {
        Path home = Files.createDirectories(work.resolve("homes").resolve(name));
        Files.writeString(home.resolve("config.toml"), configToml);
        Path cwd = Files.createDirectories(work.resolve("cwd").resolve(name));
        return codex.checkConfig(home, cwd);
    }

    @Test
    void everyProviderFileLoads() throws IOException, InterruptedException {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (GenerateConfigsResult.ProviderSummary p : result.generated()) {
            Path file = configs.resolve("codex/models_" + p.provider() + ".toml");
            CodexBinary.Result r = check("provider-" + p.provider(), Files.readString(file));
            checked++;
            if (r.exitCode() != 0) {
                failures.add(file.getFileName() + " exit " + r.exitCode() + ": " + r.output());
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(result.generated().size(), checked);
    }

    /**
     * Per provider its first and last profile and its first hashed-name profile; each profile is
     * self-contained, so alone it is a complete config.toml, and so is the provider file with the profile's
     * top-level keys put in front (the README's "base and profile together").
     */
    @Test
    void aSampleOfProfileFilesLoadsAloneAndTogetherWithTheirProviderFile() throws IOException, InterruptedException {
        Map<String, List<Path>> byProvider = new TreeMap<>();
        try (Stream<Path> s = Files.list(configs.resolve("codex/profiles"))) {
            for (Path f : s.sorted().toList()) {
                String providerId = providerOf(Files.readString(f));
                byProvider.computeIfAbsent(providerId, k -> new ArrayList<>()).add(f);
            }
        }
        List<Path> sample = new ArrayList<>();
        for (List<Path> files : byProvider.values()) {
            sample.add(files.get(0));
            sample.add(files.get(files.size() - 1));
            files.stream()
                    .filter(f -> CodexProfileNames.isHashed(profileName(f)))
                    .findFirst()
                    .ifPresent(sample::add);
        }
        sample.add(configs.resolve("codex/profiles/openai_gpt-4o.config.toml"));
        List<String> failures = new ArrayList<>();
        for (Path f : sample.stream().distinct().toList()) {
            String profile = Files.readString(f);
            CodexBinary.Result alone = check("profile-" + profileName(f), profile);
            if (alone.exitCode() != 0) {
                failures.add(f.getFileName() + " alone, exit " + alone.exitCode() + ": " + alone.output());
            }
            String provider = Files.readString(configs.resolve("codex/models_" + providerNameOf(profile) + ".toml"));
            CodexBinary.Result together = check("together-" + profileName(f), topLevelKeys(profile) + "\n" + provider);
            if (together.exitCode() != 0) {
                failures.add(f.getFileName() + " with its provider file, exit " + together.exitCode() + ": "
                        + together.output());
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(sample.size() >= byProvider.size() * 2 - 1, "sample: " + sample.size());
    }

    /** The check really checks: the legacy TOML ({@code wire_api = "chat"}, {@code [profiles.*]}) is rejected. */
    @Test
    void theLegacyTomlIsRejected() throws IOException, InterruptedException {
        String legacy = Files.readString(work.resolve("catalog/models_deepseek.toml"));
        CodexBinary.Result r = check("legacy-deepseek", legacy);
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("wire_api"), r.output());
    }

    private static String profileName(Path f) {
        String n = f.getFileName().toString();
        return n.substring(0, n.length() - ".config.toml".length());
    }

    private static String providerOf(String profileToml) {
        for (String line : profileToml.split("\n")) {
            if (line.startsWith("model_provider = \"")) {
                return line.substring("model_provider = \"".length(), line.length() - 1);
            }
        }
        throw new AssertionError("no model_provider in\n" + profileToml);
    }

    private static String providerNameOf(String profileToml) {
        boolean inTable = false;
        for (String line : profileToml.split("\n")) {
            inTable |= line.startsWith("[model_providers.");
            if (inTable && line.startsWith("name = \"")) {
                return line.substring("name = \"".length(), line.length() - 1);
            }
        }
        throw new AssertionError("no provider name in\n" + profileToml);
    }

    /** The lines before the first table header: the profile's own keys. */
    private static String topLevelKeys(String profileToml) {
        StringBuilder sb = new StringBuilder();
        for (String line : profileToml.split("\n")) {
            if (line.startsWith("[")) {
                break;
            }
            sb.append(line).append('\n');
        }
        return sb.toString();
    }
}
