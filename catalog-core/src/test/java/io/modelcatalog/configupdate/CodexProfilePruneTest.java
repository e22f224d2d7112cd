package io.modelcatalog.configupdate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.backups.Backup;
import io.modelcatalog.backups.BackupStore;
import io.modelcatalog.facts.CorpusEntries;
import io.modelcatalog.facts.ModelFacts;
import io.modelcatalog.facts.ModelKind;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.toolconfigs.CatalogQuery;
import io.modelcatalog.toolconfigs.CodexConfig;
import io.modelcatalog.toolconfigs.CodexProfileNames;
import io.modelcatalog.toolconfigs.ModelIdFilter;
import io.modelcatalog.toolconfigs.ProviderModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prune} removes the codex profile files this tool wrote for models their provider no longer lists, and
 * nothing else: not a profile of a model only left out by include, not one of a provider outside the run, not a
 * user's own file, not a file the manifest does not list.
 */
class CodexProfilePruneTest {

    @TempDir
    Path home;

    Path codex;
    Path gone;
    Path leftOut;
    Path otherProvider;
    Path usersOwn;
    Path unlisted;

    static Path profile(Path codexHome, String provider, String model) {
        return codexHome.resolve(CodexProfileNames.profileName(provider, model) + ".config.toml");
    }

    /** What generate-configs or an earlier update wrote for one model of a provider. */
    static byte[] written(String provider, String model) {
        ProviderModels real = RealConfigs.providers(provider).get(0);
        ProviderModels one = new ProviderModels(
                real.provider(),
                real.kind(),
                real.apiKeyEnv(),
                real.baseUrl(),
                "models_" + provider + ".json",
                List.of(ModelFacts.builder(model).kind(ModelKind.CHAT).build()));
        return CodexConfig.profileFiles(one).values().iterator().next();
    }

    @BeforeEach
    void aCodexHomeWithProfiles() throws IOException {
        codex = Files.createDirectories(home.resolve(".codex"));
        String groqModel = RealConfigs.providers("groq").get(0).models().get(0).name();
        gone = write(profile(codex, "groq", "retired-model"), written("groq", "retired-model"));
        leftOut = write(profile(codex, "groq", groqModel), written("groq", groqModel));
        otherProvider = write(profile(codex, "mistral", "retired-too"), written("mistral", "retired-too"));
        usersOwn = write(codex.resolve("groq_mine.config.toml"), "model = \"retired-model\"\n".getBytes());
        unlisted = write(profile(codex, "groq", "also-retired"), written("groq", "also-retired"));
        List<String> listed = new ArrayList<>();
        for (Path p : List.of(gone, leftOut, otherProvider, usersOwn)) {
            listed.add(p.getFileName().toString());
        }
        write(CodexManagedProfiles.manifest(codex), CodexManagedProfiles.toBytes(listed));
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        return file;
    }

    UpdateConfigsResult update(MergeStrategy strategy, boolean dryRun, List<String> include) throws IOException {
        return new ConfigUpdater()
                .update(UpdateConfigsRequest.builder(
                                CatalogQuery.builder(CorpusEntries.catalogDir())
                                        .providers(List.of("groq"))
                                        .filter(ModelIdFilter.of(include, List.of()))
                                        .registry(ProviderRegistry.builtIn())
                                        .env(EnvironmentLookup.of(Map.of()))
                                        .build(),
                                new BackupStore(home.resolve("backups"), Clock.systemUTC()),
                                home.resolve("locks"))
                        .mergers(List.of(new CodexMerger(codex, !include.isEmpty())))
                        .strategy(strategy)
                        .dryRun(dryRun)
                        .build());
    }

    @Test
    void pruneRemovesOnlyTheProfileOfAGoneModelThatThisToolWrote() throws IOException {
        byte[] goneBytes = Files.readAllBytes(gone);
        UpdateConfigsResult r = update(MergeStrategy.PRUNE, false, List.of("nothing-matches"));

        assertFalse(Files.exists(gone), "the gone model's profile is removed");
        for (Path stays : List.of(leftOut, otherProvider, usersOwn, unlisted)) {
            assertTrue(Files.exists(stays), stays + " stays");
        }
        List<String> manifest = CodexManagedProfiles.read(codex).stream()
                .map(p -> p.getFileName().toString())
                .toList();
        assertFalse(manifest.contains(gone.getFileName().toString()));
        assertEquals(3, manifest.size(), manifest.toString());

        FileMerge removal = r.files().stream()
                .filter(FileMerge.Remove.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertEquals(gone, removal.file());
        assertEquals(
                List.of(new EntryChange("groq", gone.getFileName().toString(), EntryChange.Action.REMOVED, 0, 1)),
                removal.entries());
        Backup backup = r.backup();
        Path stored = backup.folder()
                .resolve(backup.entries().stream()
                        .filter(e -> e.original().equals(gone))
                        .findFirst()
                        .orElseThrow()
                        .storedName());
        assertArrayEquals(goneBytes, Files.readAllBytes(stored), "the backup keeps it");

        assertEquals(
                List.of(),
                update(MergeStrategy.PRUNE, false, List.of("nothing-matches")).changed());
    }

    @Test
    void mergeAndADryRunRemoveNothing() throws IOException {
        UpdateConfigsResult merge = update(MergeStrategy.MERGE, false, List.of());
        assertTrue(Files.exists(gone));
        assertTrue(merge.files().stream().noneMatch(FileMerge.Remove.class::isInstance));

        UpdateConfigsResult dry = update(MergeStrategy.PRUNE, true, List.of());
        assertTrue(Files.exists(gone), "a dry run removes nothing");
        String diff = dry.diffs().stream()
                .filter(d -> d.contains(gone.getFileName().toString()))
                .findFirst()
                .orElseThrow();
        assertTrue(diff.contains("+++ /dev/null"), diff);
    }
}
