package io.modelcatalog.configupdate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.backups.BackupStore;
import io.modelcatalog.configediting.ConfigText;
import io.modelcatalog.configediting.TomlDocument;
import io.modelcatalog.facts.CorpusEntries;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.toolconfigs.CatalogQuery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real codex config's legacy {@code [profiles.*]} tables move to profile files in one run: a file per table
 * with the table's lines, the tables gone from config.toml and the rest of it as it was, all in one backup that
 * one restore undoes; a table whose file exists stays.
 */
class LegacyProfileMigrationTest {

    @TempDir
    Path home;

    Path codex;
    Path config;
    byte[] original;
    BackupStore backups;

    @BeforeEach
    void theRealConfig() throws Exception {
        codex = Files.createDirectories(home.resolve(".codex"));
        config = codex.resolve("config.toml");
        original = RealConfigs.bytes("codex/config.toml");
        Files.write(config, original);
        backups = new BackupStore(home.resolve("backups"), Clock.systemUTC());
    }

    UpdateConfigsResult update(boolean migrate) throws Exception {
        return new ConfigUpdater()
                .update(UpdateConfigsRequest.builder(
                                CatalogQuery.builder(CorpusEntries.catalogDir())
                                        .providers(List.of("groq"))
                                        .registry(ProviderRegistry.builtIn())
                                        .env(EnvironmentLookup.of(Map.of()))
                                        .build(),
                                backups,
                                home.resolve("locks"))
                        .mergers(List.of(new CodexMerger(codex, false, migrate)))
                        .build());
    }

    static List<Notice.LegacyProfileTable> legacy(UpdateConfigsResult r) {
        return r.files().stream()
                .flatMap(f -> f.notices().stream())
                .filter(Notice.LegacyProfileTable.class::isInstance)
                .map(Notice.LegacyProfileTable.class::cast)
                .toList();
    }

    @Test
    void everyTableMovesToItsFileInOneRunAndOneRestoreUndoesIt() throws Exception {
        TomlDocument before = TomlDocument.parse(ConfigText.decode(config, original));
        int tables = before.table().getTable("profiles").keySet().size();
        assertEquals(731, tables);

        UpdateConfigsResult r = update(true);

        assertEquals(List.of(), legacy(r), "no legacy table left");
        TomlDocument after = TomlDocument.parse(ConfigText.decode(config, Files.readAllBytes(config)));
        assertTrue(after.table().getTable("profiles").isEmpty());
        assertEquals(
                TomlDocument.plain(before.table().getTable("mcp_servers")),
                TomlDocument.plain(after.table().getTable("mcp_servers")),
                "the rest stays");
        assertTrue(Files.readString(config).contains("disable_response_storage = false\n"));
        Path dusk = codex.resolve("or_sonoma_dusk_alpha.config.toml");
        assertEquals(
                "# Moved here from the [profiles.or_sonoma_dusk_alpha] table of config.toml by model-catalog"
                        + " update-configs\napproval_policy = \"never\"\nmodel = \"openrouter/sonoma-dusk-alpha\"\n"
                        + "model_context_window = 2000000\n# codex no longer reads this field: model_max_output_tokens"
                        + " = 128000\nmodel_provider = \"openrouter\"\nmodel_reasoning_effort = \"high\"\n",
                Files.readString(dusk));
        long moved;
        try (Stream<Path> s = Files.list(codex)) {
            moved = s.filter(p -> p.getFileName().toString().endsWith(".config.toml"))
                    .count();
        }
        assertEquals(tables, moved, "one file per table");
        assertEquals(tables + 1, r.backup().entries().size(), "config.toml and every new file in one backup");

        assertNull(update(true).backup(), "a second run has nothing to move");

        backups.restore(r.backup().id());
        assertArrayEquals(original, Files.readAllBytes(config), "one restore brings config.toml back");
        assertFalse(Files.exists(dusk), "and takes the profile files away");
    }

    @Test
    void aTableWhoseFileExistsStaysAndWithoutTheSettingNothingMoves() throws Exception {
        Path dusk = codex.resolve("or_sonoma_dusk_alpha.config.toml");
        Files.writeString(dusk, "model = \"mine\"\n");

        UpdateConfigsResult r = update(true);

        assertEquals(
                List.of("or_sonoma_dusk_alpha"),
                legacy(r).stream().map(Notice.LegacyProfileTable::profile).toList());
        assertEquals("model = \"mine\"\n", Files.readString(dusk));
        assertTrue(new String(Files.readAllBytes(config), StandardCharsets.UTF_8)
                .contains("[profiles.or_sonoma_dusk_alpha]\n"));

        Files.write(config, original);
        assertEquals(731, legacy(update(false)).size(), "without the setting, every table stays");
    }
}
