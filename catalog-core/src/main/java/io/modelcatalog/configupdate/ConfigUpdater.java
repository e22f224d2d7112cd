package io.modelcatalog.configupdate;

import io.modelcatalog.backups.Backup;
import io.modelcatalog.configediting.UnifiedDiffs;
import io.modelcatalog.files.AtomicFiles;
import io.modelcatalog.toolconfigs.CatalogProviders;
import io.modelcatalog.toolconfigs.ProviderModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The {@code update-configs} goal's work: reads the catalog, and for each tool locks its files, reads them,
 * merges (each merger verifies its own result), and then, unless it is a dry run, backs up every file that will
 * change (one backup for the run) and replaces each atomically, keeping its mode, or removes it (a codex profile
 * file of a gone model, under prune). Any error before the writes
 * leaves every file as it was and no backup behind. Stateless and thread-safe.
 */
public final class ConfigUpdater {

    /** How long a run (an update, or a restore) waits for another run that holds a file's lock. */
    public static final long LOCK_TIMEOUT_MILLIS = 120_000;

    public UpdateConfigsResult update(UpdateConfigsRequest request) throws IOException {
        CatalogProviders.Selection read = CatalogProviders.read(request.catalog());
        List<ProviderModels> providers = read.models();
        List<String> names = providers.stream().map(ProviderModels::provider).toList();
        if (providers.isEmpty() || request.mergers().isEmpty()) {
            return new UpdateConfigsResult(names, read.skipped(), List.of(), List.of(), null, List.of());
        }
        LinkedHashSet<Path> files = new LinkedHashSet<>();
        for (ConfigMerger m : request.mergers()) {
            files.addAll(m.files(providers));
        }
        for (Path f : files) {
            checkIsFileOrAbsent(f);
        }
        ConfigFileLocks locks = new ConfigFileLocks(request.lockDirectory(), LOCK_TIMEOUT_MILLIS);
        return locks.withLocks(new ArrayList<>(files), () -> {
            Map<Path, byte[]> current = new HashMap<>();
            for (Path f : files) {
                byte[] bytes = read(f);
                if (bytes != null) {
                    current.put(f, bytes);
                }
            }
            List<FileMerge> merges = new ArrayList<>();
            for (ConfigMerger m : request.mergers()) {
                merges.addAll(m.merge(providers, read.listed(), request.strategy(), current));
            }
            List<FileMerge> changed = merges.stream().filter(FileMerge::changed).toList();
            if (request.dryRun()) {
                List<String> diffs = new ArrayList<>();
                for (FileMerge f : changed) {
                    diffs.add(UnifiedDiffs.of(
                            f.file().toString(),
                            f.before() == null ? null : new String(f.before(), StandardCharsets.UTF_8),
                            f instanceof FileMerge.Write w ? new String(w.after(), StandardCharsets.UTF_8) : null));
                }
                return new UpdateConfigsResult(names, read.skipped(), merges, diffs, null, List.of());
            }
            if (changed.isEmpty()) {
                return new UpdateConfigsResult(names, read.skipped(), merges, List.of(), null, List.of());
            }
            Backup backup = request.backups()
                    .create(changed.stream().map(FileMerge::file).toList());
            for (FileMerge f : changed) {
                if (f instanceof FileMerge.Remove) {
                    Files.deleteIfExists(f.file());
                } else if (f instanceof FileMerge.Write w) {
                    AtomicFiles.write(f.file(), w.after());
                }
            }
            List<Backup> pruned = request.backups().prune(request.backupKeep());
            return new UpdateConfigsResult(names, read.skipped(), merges, List.of(), backup, pruned);
        });
    }

    /** A folder (or a folder in the file's place in its parent path) where a config file is expected. */
    private static void checkIsFileOrAbsent(Path f) {
        if (Files.isDirectory(f)) {
            throw new UpdateConfigsException(
                    UpdateConfigsException.Reason.NOT_A_FILE,
                    f,
                    f + " is a folder, where a config file is expected: point the setting at the file inside it"
                            + " (for example " + f.resolve(f.getFileName()) + "), or remove the folder");
        }
        if (Files.exists(f, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(f) && !Files.isRegularFile(f)) {
            throw new UpdateConfigsException(
                    UpdateConfigsException.Reason.NOT_A_FILE,
                    f,
                    f + " is not a regular file: point the setting at the tool's config file");
        }
        for (Path p = f.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new UpdateConfigsException(
                        UpdateConfigsException.Reason.NOT_A_FILE,
                        p,
                        p + " is a file, where a folder holding " + f.getFileName() + " is expected: point the"
                                + " setting elsewhere, or move that file away");
            }
        }
    }

    private static byte[] read(Path f) throws IOException {
        try {
            return Files.readAllBytes(f);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
