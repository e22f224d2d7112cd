package io.modelcatalog.configupdate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.backups.BackupStore;
import io.modelcatalog.facts.CorpusEntries;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.toolconfigs.CatalogQuery;
import io.modelcatalog.toolconfigs.ModelIdFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * update-configs over every codex profile of the corpus catalog (8,508 models): locking, backing up, writing
 * and verifying every profile file is done in flat loops (the run has a stack far too small for one frame per
 * file), and a second run finds nothing to change.
 */
class CodexCatalogScaleTest {

    private static final long SMALL_STACK_BYTES = 512 * 1024;

    @TempDir
    Path home;

    UpdateConfigsResult update(Path codex) throws Exception {
        return update(codex, null);
    }

    /** With {@code state}, the run records what it left and a rerun may find nothing to change from that alone. */
    UpdateConfigsResult update(Path codex, Path state) throws Exception {
        return onSmallStack(() -> new ConfigUpdater()
                .update(UpdateConfigsRequest.builder(
                                CatalogQuery.builder(CorpusEntries.catalogDir())
                                        .filter(ModelIdFilter.of(List.of("*"), List.of()))
                                        .registry(ProviderRegistry.builtIn())
                                        .env(EnvironmentLookup.of(Map.of()))
                                        .build(),
                                new BackupStore(home.resolve("backups"), Clock.systemUTC()),
                                home.resolve("locks"))
                        .mergers(List.of(new CodexMerger(codex, true)))
                        .stateDirectory(state)
                        .build()));
    }

    @Test
    void everyProfileOfTheCorpusIsWrittenInOneRunAndASecondRunChangesNothing() throws Exception {
        Path codex = Files.createDirectories(home.resolve(".codex"));

        Path state = home.resolve("state");
        UpdateConfigsResult first = update(codex, state);

        int profiles = CodexManagedProfiles.read(codex).size();
        assertEquals(8_508, profiles, "one profile per corpus model");
        assertTrue(
                first.changed().size() > profiles,
                "every profile and config.toml: " + first.changed().size());
        assertNotNull(first.backup());
        assertEquals(first.changed().size(), first.backup().entries().size(), "one backup holds every file");
        for (Path p : CodexManagedProfiles.read(codex)) {
            assertTrue(Files.isRegularFile(p), p + " written");
        }

        UpdateConfigsResult second = update(codex);

        assertEquals(List.of(), second.changed(), "nothing to change");
        assertNull(second.backup(), "and no backup");

        // what the first run recorded says so without reading or merging: the second (full) run proved it right
        UpdateConfigsResult third = update(codex, state);
        assertNotNull(third.upToDate(), "the rerun's fast path");
        assertEquals(first.files().size(), third.upToDate().files());
        assertEquals(
                profiles,
                third.upToDate().modelFiles().get("codex").values().stream()
                        .mapToInt(Integer::intValue)
                        .sum(),
                "every profile counted");
    }

    static <T> T onSmallStack(Callable<T> work) throws Exception {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread t = new Thread(
                null,
                () -> {
                    try {
                        outcome.set(work.call());
                    } catch (Throwable e) {
                        outcome.set(e);
                    }
                },
                "small-stack",
                SMALL_STACK_BYTES);
        t.start();
        t.join();
        if (outcome.get() instanceof Throwable e) {
            throw new AssertionError("the run failed", e);
        }
        @SuppressWarnings("unchecked")
        T result = (T) outcome.get();
        return result;
    }
}
