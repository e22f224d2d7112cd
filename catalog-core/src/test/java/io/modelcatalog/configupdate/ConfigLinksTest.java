package io.modelcatalog.configupdate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.backups.BackupStore;
import io.modelcatalog.backups.RestoreResult;
import io.modelcatalog.facts.CorpusEntries;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.toolconfigs.CatalogQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A user's config reached through links as dotfile managers lay them out: {@code ~/.config} itself a link, and the
 * config file inside it a relative link with {@code ..}. Resolved by the path's text, {@code ..} after the linked
 * folder climbs the link's name instead of its target, and the write lands elsewhere.
 */
class ConfigLinksTest {

    static final String UNRELATED = "# someone else's file\nkeep: me\n";

    @TempDir
    Path root;

    /** How each dotfile manager lays out a linked {@code ~/.config} with a relative link inside. */
    enum Layout {
        /**
         * GNU stow: {@code ~/.config} links (relatively) into a stow package, and the package's
         * {@code aichat/config.yaml} is a relative link into another package.
         */
        STOW,
        /**
         * chezmoi in symlink mode: {@code ~/.config} links (absolutely) into the source state, and the config is a
         * relative link to a private file beside it.
         */
        CHEZMOI,
        /**
         * yadm: {@code ~/.config} links into a synced folder, and the config is a relative link to the alternate
         * file yadm picked for this system ({@code ##os.Linux}).
         */
        YADM
    }

    /** The layout made in {@link #root}: where the user's path really leads, and where its text leads. */
    record Made(Path home, Path real, Path byText) {
        Path config() {
            return home.resolve(".config/aichat/config.yaml");
        }
    }

    Made make(Layout layout) throws IOException {
        Path home = Files.createDirectories(root.resolve("home"));
        Path real;
        Path byText;
        switch (layout) {
            case STOW -> {
                Path base = Files.createDirectories(home.resolve("dotfiles/base/.config/aichat"));
                Files.createSymbolicLink(home.resolve(".config"), Path.of("dotfiles/base/.config"));
                real = home.resolve("dotfiles/aichat/.config/aichat/config.yaml");
                Files.createSymbolicLink(
                        base.resolve("config.yaml"), Path.of("../../../aichat/.config/aichat/config.yaml"));
                byText = root.resolve("aichat/.config/aichat/config.yaml");
            }
            case CHEZMOI -> {
                Path source = Files.createDirectories(home.resolve(".local/share/chezmoi/dot_config/aichat"));
                Files.createSymbolicLink(home.resolve(".config"), source.getParent());
                real = home.resolve(".local/share/chezmoi/private/aichat.yaml");
                Files.createSymbolicLink(source.resolve("config.yaml"), Path.of("../../private/aichat.yaml"));
                byText = home.resolve("private/aichat.yaml");
            }
            case YADM -> {
                Path synced = Files.createDirectories(root.resolve("sync/config/aichat"));
                Files.createSymbolicLink(home.resolve(".config"), Path.of("../sync/config"));
                real = root.resolve("sync/alt/aichat/config.yaml##os.Linux");
                Files.createSymbolicLink(
                        synced.resolve("config.yaml"), Path.of("../../alt/aichat/config.yaml##os.Linux"));
                byText = home.resolve("alt/aichat/config.yaml##os.Linux");
            }
            default -> throw new IllegalArgumentException(layout.name());
        }
        Files.createDirectories(real.getParent());
        Files.write(real, RealConfigs.repairedAichat());
        if (layout == Layout.STOW) {
            // an unrelated file where the text of the path leads: the update used to overwrite it
            Files.createDirectories(byText.getParent());
            Files.writeString(byText, UNRELATED);
        }
        return new Made(home, real, byText);
    }

    UpdateConfigsRequest request(Made made, Path aichat, String provider) {
        CatalogQuery catalog = CatalogQuery.builder(CorpusEntries.catalogDir())
                .providers(List.of(provider))
                .registry(ProviderRegistry.builtIn())
                .env(EnvironmentLookup.of(Map.of()))
                .build();
        return UpdateConfigsRequest.builder(catalog, store(made), made.home().resolve(".cache/model-catalog/locks"))
                .mergers(List.of(new AichatMerger(aichat)))
                .build();
    }

    BackupStore store(Made made) {
        return new BackupStore(made.home().resolve(".cache/model-catalog/backups"), Clock.systemUTC());
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void updateAndRestoreWriteTheFileTheLinksLeadTo(Layout layout) throws IOException {
        Made made = make(layout);
        byte[] before = Files.readAllBytes(made.real());
        Path link = made.config();
        assertEquals(made.real().toRealPath(), link.toRealPath(), "the layout leads where it says");

        UpdateConfigsResult r = new ConfigUpdater().update(request(made, link, "groq"));

        assertEquals(1, r.changed().size());
        assertTrue(Files.readString(made.real()).contains("name: \"openai/gpt-oss-120b\""), "the real file updated");
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertByTextUntouched(layout, made);
        assertArrayEquals(
                before,
                Files.readAllBytes(
                        r.backup().folder().resolve(r.backup().entries().get(0).storedName())),
                "the backup holds the real file's bytes");

        RestoreResult restored = store(made).restore(r.backup().id());

        assertEquals(RestoreResult.Action.RESTORED, restored.files().get(0).action());
        assertArrayEquals(before, Files.readAllBytes(made.real()), "restore put the real file back");
        assertTrue(Files.isSymbolicLink(link));
        assertByTextUntouched(layout, made);
    }

    private static void assertByTextUntouched(Layout layout, Made made) throws IOException {
        if (layout == Layout.STOW) {
            assertEquals(UNRELATED, Files.readString(made.byText(), StandardCharsets.UTF_8), "unrelated file kept");
            try (Stream<Path> files = Files.list(made.byText().getParent())) {
                assertEquals(List.of(made.byText()), files.toList(), "nothing written beside it");
            }
        } else {
            assertFalse(Files.exists(made.byText().getParent()), "no folder made where the path's text leads");
        }
    }

    @Test
    void aFileThroughALinkAndThroughItsTargetIsOneLock() throws IOException {
        Made made = make(Layout.STOW);
        Path viaTarget = made.real();
        Path viaLink = made.config();
        Path viaDots = made.home().resolve(".config/../.config/aichat/./config.yaml");

        assertEquals(ConfigFileLocks.lockName(viaTarget), ConfigFileLocks.lockName(viaLink));
        assertEquals(ConfigFileLocks.lockName(viaTarget), ConfigFileLocks.lockName(viaDots));
        assertNotEquals(ConfigFileLocks.lockName(viaTarget), ConfigFileLocks.lockName(made.byText()), "another file");
    }

    /** The lost update: two runs, one given the link and one the target, took two locks and both wrote. */
    @Test
    void aRunThroughTheLinkWaitsForARunThroughTheTarget() throws Exception {
        Made made = make(Layout.CHEZMOI);
        ConfigFileLocks locks = new ConfigFileLocks(made.home().resolve(".cache/model-catalog/locks"), 30_000);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> locks.withLocks(List.of(made.real()), () -> {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            CountDownLatch entered = new CountDownLatch(1);
            Future<?> second = pool.submit(() -> locks.withLocks(List.of(made.config()), () -> {
                entered.countDown();
                return null;
            }));
            assertFalse(entered.await(500, TimeUnit.MILLISECONDS), "the second run waits for the first's lock");
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
            assertEquals(0, entered.getCount(), "and runs once it is released");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }
}
