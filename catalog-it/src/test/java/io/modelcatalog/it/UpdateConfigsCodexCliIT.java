package io.modelcatalog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.backups.BackupStore;
import io.modelcatalog.configupdate.CodexMerger;
import io.modelcatalog.configupdate.ConfigUpdater;
import io.modelcatalog.configupdate.UpdateConfigsRequest;
import io.modelcatalog.configupdate.UpdateConfigsResult;
import io.modelcatalog.it.toolconfigs.CodexBinary;
import io.modelcatalog.it.toolconfigs.CorpusCatalog;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.toolconfigs.CatalogQuery;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * The real codex CLI ({@code .ci/install-tools}) loads, with {@code --strict-config}, the real {@code config.toml}
 * after update-configs merged the corpus providers into it. The real file also holds settings codex 0.169 rejects
 * that update-configs does not manage (and must not touch): a user fixes those first, as listed below; what then
 * still fails to load before the update ({@code wire_api = "chat"} in the provider tables) loads after it.
 */
class UpdateConfigsCodexCliIT {

    /** Parts of the real file that codex 0.169 rejects and that are the user's to fix, with codex's reason. */
    static final List<List<String>> USER_FIXES = List.of(
            List.of("disable_response_storage"), // unknown configuration field
            List.of("sandbox"), // unknown configuration field (now sandbox_mode)
            List.of("tui", "disable_mouse_capture"), // unknown configuration field
            List.of("mcp_servers"), // alwaysAllow, disabled, ...: unknown fields
            List.of("profiles"), // legacy [profiles.*] tables: update-configs reports them
            List.of("model_providers", "openai"), // a reserved built-in id
            List.of("model_providers", "lmstudio"), // a reserved built-in id
            List.of("model_providers", "openai-chat-completions")); // the user's own table with wire_api = "chat"

    /** The corpus providers the real file has tables for, and mistral, which it lacks. */
    static final List<String> PROVIDERS = List.of(
            "aihorde",
            "cerebras",
            "chutes",
            "featherless",
            "gemini",
            "groq",
            "infermatic",
            "llm7",
            "mancer",
            "openrouter",
            "poe",
            "pollinations",
            "mistral");

    @TempDir
    Path work;

    @Test
    void theUpdatedRealConfigLoadsWithStrictConfig() throws Exception {
        CodexBinary codex = CodexBinary.require(Path.of(System.getProperty("user.dir")));

        TomlParseResult real = Toml.parse(resource("codex/config.toml"));
        USER_FIXES.forEach(real::remove);
        Path codexHome = Files.createDirectories(work.resolve("codex"));
        Path config = codexHome.resolve("config.toml");
        Files.writeString(config, real.toToml());
        Path cwd = Files.createDirectories(work.resolve("cwd"));

        CodexBinary.Result before = codex.checkConfig(codexHome, cwd);
        assertNotEquals(0, before.exitCode(), before.output());
        assertTrue(before.output().contains("wire_api"), before.output());

        UpdateConfigsResult result = new ConfigUpdater()
                .update(UpdateConfigsRequest.builder(
                                CatalogQuery.builder(CorpusCatalog.copyTo(work.resolve("catalog")))
                                        .providers(PROVIDERS)
                                        .registry(ProviderRegistry.builtIn())
                                        .env(EnvironmentLookup.of(Map.of()))
                                        .build(),
                                new BackupStore(work.resolve("backups"), Clock.systemUTC()),
                                work.resolve("locks"))
                        .mergers(List.of(new CodexMerger(codexHome, false)))
                        .build());
        assertEquals(1, result.changed().size());
        assertTrue(Files.readString(config).contains("[model_providers.mistral]"));

        CodexBinary.Result after = codex.checkConfig(codexHome, cwd);
        assertEquals(0, after.exitCode(), after.output());
    }

    private static String resource(String path) throws IOException {
        try (InputStream in =
                UpdateConfigsCodexCliIT.class.getClassLoader().getResourceAsStream("tool-configs/" + path)) {
            if (in == null) {
                throw new IllegalStateException("tool-configs/" + path + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
