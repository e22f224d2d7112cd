package io.modelcatalog.configupdate;

import io.modelcatalog.backups.Backup;
import io.modelcatalog.configediting.SecretMasks;
import io.modelcatalog.configediting.UnifiedDiffs;
import io.modelcatalog.files.AtomicFiles;
import io.modelcatalog.files.FileStamp;
import io.modelcatalog.files.LeftoverFiles;
import io.modelcatalog.files.RealFiles;
import io.modelcatalog.files.UnwritableFolderException;
import io.modelcatalog.files.UpToDateRecord;
import io.modelcatalog.files.WritableFolders;
import io.modelcatalog.toolconfigs.CatalogProviders;
import io.modelcatalog.toolconfigs.ProviderModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        Instant runStart = Instant.now();
        UpdateConfigsRunRecord runRecord = UpdateConfigsRunRecord.of(request);
        UpToDateRecord.Builder record = null;
        if (runRecord != null) {
            Optional<UpdateConfigsResult> unchanged = request.force() ? Optional.empty() : runRecord.unchanged();
            if (unchanged.isPresent()) {
                return unchanged.get(); // nothing read, merged, locked or written
            }
            record = runRecord.start(); // the catalog files stamped before they are read
        }
        UpToDateRecord.Builder recording = record;
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
            if (!request.dryRun()) {
                removeLeftovers(files, runStart);
            }
            Map<Path, byte[]> current = new HashMap<>();
            Map<Path, FileStamp> attributes = new HashMap<>();
            for (Path f : files) {
                if (recording != null) {
                    // taken before the read: a file that moves while it is read cannot be recorded as unchanged
                    FileStamp.attributesNow(f).ifPresent(a -> attributes.put(f, a));
                }
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
                    // shown at INFO: the user's keys in context lines never are
                    diffs.add(SecretMasks.text(UnifiedDiffs.of(
                            f.file().toString(),
                            f.before() == null ? null : new String(f.before(), StandardCharsets.UTF_8),
                            f instanceof FileMerge.Write w ? new String(w.after(), StandardCharsets.UTF_8) : null)));
                }
                return new UpdateConfigsResult(names, read.skipped(), merges, diffs, null, List.of());
            }
            if (changed.isEmpty()) {
                if (recording != null) {
                    runRecord.record(recording, names, read.skipped(), files, merges, current, attributes);
                }
                return new UpdateConfigsResult(names, read.skipped(), merges, List.of(), null, List.of());
            }
            checkWritable(changed);
            Backup backup = request.backups()
                    .create(changed.stream().map(FileMerge::file).toList());
            int written = 0;
            for (FileMerge f : changed) {
                try {
                    if (f instanceof FileMerge.Remove) {
                        Files.deleteIfExists(f.file());
                    } else if (f instanceof FileMerge.Write w) {
                        AtomicFiles.writeSynced(f.file(), w.after());
                    }
                } catch (IOException e) {
                    if (written == 0) {
                        // the write is atomic: the file is as it was, and so is every other one
                        // and a backup of an unchanged state is none worth keeping
                        request.backups().discard(backup);
                        throw e;
                    }
                    throw new UpdateStoppedException(backup, written, changed.size(), f.file(), e);
                }
                written++;
            }
            List<Backup> pruned;
            try {
                pruned = request.backups().prune(request.backupKeep());
            } catch (IOException e) {
                throw new UpdateStoppedException(backup, written, changed.size(), null, e);
            }
            if (recording != null) {
                // relies on a merge of a merge's result changing nothing (tested per tool): the next run is a no-op
                runRecord.record(recording, names, read.skipped(), files, merges, current, attributes);
            }
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
        if (Files.isSymbolicLink(f) && Files.exists(f) && !Files.isRegularFile(f)) {
            // opening a FIFO blocks until a writer comes, holding the lock: check what the link leads to first
            Path target = realTarget(f);
            throw new UpdateConfigsException(
                    UpdateConfigsException.Reason.NOT_A_FILE,
                    f,
                    f + " is a link to " + target + ", which is not a regular file (" + kind(target)
                            + "): point the setting at the tool's config file, or the link at one");
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

    /**
     * Before the backup and the first write, every target is checked, so that all files change or none does: a
     * file without its owner's write permission (a user's {@code chmod 444}) is refused, never replaced through the
     * rename with its mode left or changed behind the user's back; and each folder must take a new file (the
     * temporary one). Folders made for new files are removed again when a check fails.
     */
    private static void checkWritable(List<FileMerge> changed) throws IOException {
        List<WritableFolders.Created> made = new ArrayList<>();
        Set<Path> probed = new HashSet<>(); // one probe per folder: a codex home holds thousands of profiles
        try {
            for (FileMerge f : changed) {
                Path real = RealFiles.of(f.file());
                if (Files.isRegularFile(real)
                        && Files.getFileAttributeView(real, PosixFileAttributeView.class) != null) {
                    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(real);
                    if (!mode.contains(PosixFilePermission.OWNER_WRITE)) {
                        throw new UpdateConfigsException(
                                UpdateConfigsException.Reason.READ_ONLY,
                                f.file(),
                                f.file() + (real.equals(f.file()) ? "" : " (" + real + ")") + " is read-only (mode "
                                        + PosixFilePermissions.toString(mode) + "): a file made read-only is not "
                                        + "replaced, and its mode is not changed. To let it be updated, chmod u+w "
                                        + real + " and run again");
                    }
                }
                if (!probed.add(real.getParent())) {
                    continue;
                }
                try {
                    made.add(WritableFolders.prepareTracked(real.getParent()));
                } catch (UnwritableFolderException e) {
                    throw new UpdateConfigsException(
                            UpdateConfigsException.Reason.NOT_WRITABLE,
                            f.file(),
                            "cannot write " + f.file() + ": " + e.getMessage());
                }
            }
        } catch (IOException | RuntimeException e) {
            for (int i = made.size() - 1; i >= 0; i--) {
                made.get(i).removeIfEmpty();
            }
            throw e;
        }
    }

    /**
     * Removes this plugin's temporary files that a killed run left beside the configs (full copies of a new config,
     * keys included), older than this run: another run's live one is never touched. Each folder is listed once.
     */
    private static void removeLeftovers(Iterable<Path> files, Instant runStart) throws IOException {
        for (Map.Entry<Path, Set<String>> e : realNames(files).entrySet()) {
            LeftoverFiles.remove(e.getKey(), 1, e.getValue()::contains, runStart);
        }
    }

    /**
     * Whether a temporary file of ours lies beside one of these files (a killed run's, possibly a full copy of a
     * config with keys; or a live run's): a rerun then does not decide "nothing to change" unlocked, and the full
     * run removes what is left over.
     */
    static boolean anyLeftover(Iterable<Path> files) throws IOException {
        for (Map.Entry<Path, Set<String>> e : realNames(files).entrySet()) {
            if (LeftoverFiles.any(e.getKey(), e.getValue()::contains)) {
                return true;
            }
        }
        return false;
    }

    /** The files' names by the real folder they lie in (links followed as the kernel does), each folder once. */
    private static Map<Path, Set<String>> realNames(Iterable<Path> files) throws IOException {
        Map<Path, Set<String>> names = new HashMap<>();
        Map<Path, Path> realFolders = new HashMap<>(); // a codex home holds thousands: its real path once
        for (Path f : files) {
            Path folder = f.toAbsolutePath().getParent();
            Path real = Files.isSymbolicLink(f) || folder == null
                    ? RealFiles.of(f)
                    : realFolder(realFolders, folder).resolve(f.getFileName());
            names.computeIfAbsent(real.getParent(), d -> new HashSet<>())
                    .add(real.getFileName().toString());
        }
        return names;
    }

    /** The real path of a folder, as {@link RealFiles} resolves it, each folder once. */
    private static Path realFolder(Map<Path, Path> known, Path folder) throws IOException {
        Path real = known.get(folder);
        if (real == null) {
            real = RealFiles.of(folder);
            known.put(folder, real);
        }
        return real;
    }

    private static Path realTarget(Path link) {
        try {
            return link.toRealPath();
        } catch (IOException e) {
            return link;
        }
    }

    /** What a file that is not a regular file or a folder is, in a user's words. */
    private static String kind(Path p) {
        try {
            Object type = Files.readAttributes(p, "unix:mode").get("mode");
            int mode = type instanceof Integer i ? i & 0170000 : 0;
            return switch (mode) {
                case 0010000 -> "a FIFO: reading it would wait for a writer forever";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "not a regular file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "not a regular file";
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
