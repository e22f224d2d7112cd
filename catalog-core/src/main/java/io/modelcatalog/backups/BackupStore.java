package io.modelcatalog.backups;

import io.modelcatalog.files.AtomicFiles;
import io.modelcatalog.files.FileLocks;
import io.modelcatalog.files.FileSetLocks;
import io.modelcatalog.files.LeftoverFiles;
import io.modelcatalog.files.RealFiles;
import io.modelcatalog.files.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A folder of backups, one sub-folder per backup: {@code <directory>/<id>/} with a copy of each file and
 * {@code manifest.json} (see {@link BackupManifest}). Thread-safe, and safe for several processes sharing the
 * folder: a backup claims its id by creating its folder (which fails when the id is taken) and writes its manifest
 * last, atomically, so a reader sees either a complete backup or a folder without a manifest.
 *
 * <p>Backups hold users' config files, which may contain keys: the backup directory, each backup's folder and every
 * file in it are created owner-only (0700 and 0600), whatever the umask. A backup's name is its time, nothing
 * taken from the files.
 */
public final class BackupStore {

    /** How many backups a caller that does not choose keeps. */
    public static final int DEFAULT_KEEP = 10;

    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    /** Prefix of a folder being pruned: hidden, and not an id, so that no reader takes it for a backup. */
    private static final String PRUNING_PREFIX = ".pruning-";
    /** For a caller that has the files to itself. */
    private static final FileSetLocks NO_LOCKS = new FileSetLocks() {
        @Override
        public <T> T withLocks(List<Path> files, FileLocks.Locked<T> work) throws IOException {
            return work.run();
        }
    };

    private final Path directory;
    private final Clock clock;
    private final boolean posix;

    /**
     * @param directory the backup directory; created (owner-only) with the first backup
     * @param clock the time that backup ids are made of
     */
    public BackupStore(Path directory, Clock clock) {
        this.directory = directory.toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** The backup directory. */
    public Path directory() {
        return directory;
    }

    /**
     * Copies each file (recording "absent" for one that does not exist) into a new backup. Every file is read
     * before anything is created, so a file that cannot be read (or a folder where a file is expected) fails the
     * call with nothing written. Ids sort by time and are unique even for two backups in the same second, made by
     * two threads or two processes at once; when the clock is behind the newest backup's time (a clock set back),
     * the new id still sorts after it.
     *
     * @param files the files, absolute or relative to the working folder; the same file given twice is kept once
     */
    public Backup create(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no file to back up");
        }
        Set<Path> originals = new LinkedHashSet<>();
        files.forEach(f -> originals.add(f.toAbsolutePath().normalize()));
        List<FileState> states = new ArrayList<>();
        for (Path original : originals) {
            states.add(FileState.read(original, posix));
        }

        Path folder = claimFolder();
        String id = folder.getFileName().toString();
        try {
            List<BackupEntry> entries = new ArrayList<>();
            int index = 0;
            for (FileState state : states) {
                index++;
                if (state.bytes() == null) {
                    entries.add(new BackupEntry(state.path(), true, null, null, null));
                    continue;
                }
                String copy = String.format("%02d-%s", index, safeName(state.path()));
                writeOwnerOnly(folder.resolve(copy), state.bytes());
                entries.add(new BackupEntry(state.path(), false, Sha256.of(state.bytes()), state.mode(), copy));
            }
            AtomicFiles.write(
                    folder.resolve(BackupManifest.FILE_NAME), BackupManifest.toBytes(id, entries), OWNER_ONLY_FILE);
            return new Backup(id, folder, entries);
        } catch (IOException | RuntimeException e) {
            try {
                deleteTree(folder);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** All readable backups, oldest first. Folders without a readable manifest are left out: see {@link #unreadable()}. */
    public List<Backup> list() throws IOException {
        List<Backup> backups = new ArrayList<>();
        for (Path folder : idFolders()) {
            try {
                backups.add(read(folder));
            } catch (BackupManifest.UnreadableManifestException | NoSuchFileException e) {
                // an unreadable one is reported by unreadable(); a vanished one was pruned meanwhile
            }
        }
        return backups;
    }

    /**
     * The folders named like backups that have no readable manifest, oldest first: a backup still being written by
     * another run, one whose run was killed, or a damaged one. They are reported, never pruned.
     */
    public List<UnreadableBackup> unreadable() throws IOException {
        List<UnreadableBackup> out = new ArrayList<>();
        for (Path folder : idFolders()) {
            try {
                read(folder);
            } catch (BackupManifest.UnreadableManifestException e) {
                out.add(new UnreadableBackup(folder.getFileName().toString(), folder, e.getMessage()));
            } catch (NoSuchFileException e) {
                // pruned meanwhile
            }
        }
        return out;
    }

    /**
     * Removes the oldest readable backups beyond {@code keep}; returns the removed ones, oldest first. A backup
     * that another run removes at the same time is left to it.
     *
     * @param keep how many backups to keep, at least 1
     */
    public List<Backup> prune(int keep) throws IOException {
        if (keep < 1) {
            throw new IllegalArgumentException("the number of backups to keep must be at least 1, not " + keep);
        }
        List<Backup> backups = list();
        List<Backup> removed = new ArrayList<>();
        for (Backup b : backups.subList(0, Math.max(0, backups.size() - keep))) {
            // out of sight first, in one step, so that no reader sees a half-deleted backup
            Path hidden = directory.resolve(PRUNING_PREFIX + b.id() + "-"
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()));
            try {
                Files.move(b.folder(), hidden, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                continue;
            }
            deleteTree(hidden);
            removed.add(b);
        }
        return removed;
    }

    /**
     * Removes one backup that turned out to hold nothing worth keeping (the run that made it changed no file). A
     * backup already gone is fine.
     */
    public void discard(Backup backup) throws IOException {
        Path hidden = directory.resolve(PRUNING_PREFIX + backup.id() + "-"
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()));
        try {
            Files.move(backup.folder(), hidden, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return;
        }
        deleteTree(hidden);
    }

    /**
     * The backup with this id, or the latest readable one when {@code id} is null: the newest whose id is not later
     * than the clock's time (an id in the future is no one's latest backup; it was planted, or made under a clock set
     * wrong).
     */
    public Backup find(String id) throws IOException {
        return select(id).backup();
    }

    /** A backup chosen for a restore, and for the latest, the newer folders passed over. */
    private record Selection(Backup backup, List<UnreadableBackup> unreadableNewer, List<String> future) {}

    private Selection select(String id) throws IOException {
        if (id == null) {
            String now = BackupIds.second(clock.instant());
            List<Backup> all = list();
            List<String> future = all.stream()
                    .map(Backup::id)
                    .filter(i -> BackupIds.secondOf(i).compareTo(now) > 0)
                    .toList();
            List<Backup> usable =
                    all.stream().filter(b -> !future.contains(b.id())).toList();
            if (usable.isEmpty()) {
                throw new BackupNotFoundException(null, directory, future);
            }
            Backup latest = usable.get(usable.size() - 1);
            List<UnreadableBackup> newer = unreadable().stream()
                    .filter(u -> u.id().compareTo(latest.id()) > 0
                            && BackupIds.secondOf(u.id()).compareTo(now) <= 0)
                    .toList();
            return new Selection(latest, newer, future);
        }
        Path folder = BackupIds.isId(id) ? directory.resolve(id) : null;
        if (folder == null || !Files.isDirectory(folder)) {
            throw new BackupNotFoundException(
                    id, directory, list().stream().map(Backup::id).toList());
        }
        try {
            return new Selection(read(folder), List.of(), List.of());
        } catch (BackupManifest.UnreadableManifestException e) {
            Path manifest = folder.resolve(BackupManifest.FILE_NAME);
            throw e.missing()
                    ? new DamagedBackupException(id, manifest, null, "is missing")
                    : new DamagedBackupException(id, manifest, null, e.getMessage());
        }
    }

    /** {@link #restore(String, Predicate)} of every file of the backup. */
    public RestoreResult restore(String id) throws IOException {
        return restore(id, path -> true);
    }

    /**
     * {@link #restore(String, Predicate, Predicate, FileSetLocks)} of a backup whose every file is accepted, without
     * locks: for a caller that made the backup itself and has the files to itself.
     */
    public RestoreResult restore(String id, Predicate<Path> include) throws IOException {
        return restore(id, path -> true, include, NO_LOCKS);
    }

    /**
     * Restores the given backup (null: the latest), or of it the files {@code include} accepts, holding the locks
     * of those files ({@code locks}: the ones update-configs takes, so a restore and an update never interleave).
     *
     * <p>Refused before anything is read from the copies ({@link UntrustedBackupException}): a backup whose
     * directory, folder or manifest is another user's or writable by others, and a manifest that names any file
     * {@code configFiles} does not accept (the config files of the tools as located today) or a path that is not
     * normalized ({@code ..}). Then every copy in the backup is checked against its sha256: a damaged backup
     * restores nothing ({@link DamagedBackupException}, naming the file). A file that is a folder now stops the
     * restore before it starts too. Then, if any file differs from the backup, the current state of the files is
     * backed up (a new backup, {@link RestoreResult#previousState()}, which undoes the restore), content and POSIX
     * mode are written back, and files recorded as absent are deleted. Files that already match are not touched.
     *
     * @throws BackupNotFoundException for an unknown id, or no backup at all; it lists the available ones
     * @throws DamagedBackupException for a copy that does not match its checksum or is missing, or a broken manifest
     * @throws UntrustedBackupException for a backup that is not this user's own, or names other files
     */
    public RestoreResult restore(String id, Predicate<Path> configFiles, Predicate<Path> include, FileSetLocks locks)
            throws IOException {
        Selection selection = select(id);
        Backup backup = selection.backup();
        BackupTrust.check(backup, directory);
        for (BackupEntry e : backup.entries()) {
            Path path = e.original();
            if (!path.equals(path.normalize()) || !configFiles.test(path)) {
                throw new UntrustedBackupException(
                        backup.id(),
                        path,
                        UntrustedBackupException.Reason.FOREIGN_PATH,
                        "Backup " + backup.id() + " is refused: its manifest names " + path + ", which is not a "
                                + "config file of the selected tools as they are located now; a backup made by this "
                                + "plugin names only those. If it is a config you keep elsewhere now, point the "
                                + "tool's config setting at it; nothing was restored");
            }
        }
        List<Path> files = backup.entries().stream()
                .map(BackupEntry::original)
                .filter(include)
                .toList();
        Instant runStart = Instant.now();
        RestoreResult result = locks.withLocks(files, () -> restoreLocked(backup, include, runStart));
        return new RestoreResult(
                result.restored(),
                result.previousState(),
                result.files(),
                selection.unreadableNewer(),
                selection.future());
    }

    private RestoreResult restoreLocked(Backup backup, Predicate<Path> include, Instant runStart) throws IOException {
        List<Planned> plan = new ArrayList<>();
        for (BackupEntry entry : backup.entries()) {
            byte[] bytes = entry.absent() ? null : verifiedCopy(backup, entry);
            if (include.test(entry.original())) {
                plan.add(new Planned(entry, bytes));
            }
        }
        Map<Path, Set<String>> leftoverNames = new HashMap<>();
        for (Planned p : plan) {
            Path original = p.entry().original();
            if (Files.exists(original) && !Files.isDirectory(original) && !Files.isRegularFile(original)) {
                // a FIFO (or a link to one) would block the comparison's read forever
                throw new IOException(original
                        + (Files.isSymbolicLink(original) ? " leads to " + original.toRealPath() + ", which" : "")
                        + " is not a regular file (a FIFO, a device or a socket): move it away "
                        + "and restore again (nothing was restored)");
            }
            Path real = RealFiles.of(original);
            leftoverNames
                    .computeIfAbsent(real.getParent(), d -> new HashSet<>())
                    .add(real.getFileName().toString());
            if (Files.isDirectory(p.entry().original())) {
                throw new IOException(p.entry().original() + " is a folder now, where backup " + backup.id()
                        + " holds " + (p.entry().absent() ? "no file" : "a file")
                        + ": move it away and restore again (nothing was restored)");
            }
        }
        // a killed run's temporary file beside a config is a full copy of it, keys included; each folder listed once
        for (Map.Entry<Path, Set<String>> e : leftoverNames.entrySet()) {
            LeftoverFiles.remove(e.getKey(), 1, e.getValue()::contains, runStart);
        }
        List<Planned> changes = plan.stream().filter(this::differs).toList();
        Backup previous = changes.isEmpty()
                ? null
                : create(plan.stream().map(p -> p.entry().original()).toList());
        List<RestoreResult.RestoredFile> outcomes = new ArrayList<>();
        int done = 0;
        for (Planned p : plan) {
            Path original = p.entry().original();
            if (!changes.contains(p)) {
                outcomes.add(
                        new RestoreResult.RestoredFile(original, RestoreResult.Action.UNCHANGED, modeOf(original)));
                continue;
            }
            try {
                if (p.entry().absent()) {
                    // through a link, the file it points to was created since: delete that, keep the link
                    Files.deleteIfExists(Files.exists(original) ? original.toRealPath() : original);
                    outcomes.add(new RestoreResult.RestoredFile(original, RestoreResult.Action.DELETED, null));
                } else {
                    if (p.entry().mode() != null && posix) {
                        AtomicFiles.writeSynced(
                                original,
                                p.bytes(),
                                PosixFilePermissions.fromString(p.entry().mode()));
                    } else {
                        AtomicFiles.writeSynced(original, p.bytes());
                    }
                    outcomes.add(
                            new RestoreResult.RestoredFile(original, RestoreResult.Action.RESTORED, modeOf(original)));
                }
                done++;
            } catch (IOException e) {
                throw new IOException(
                        "Restoring backup " + backup.id() + " stopped at " + original + " (" + e
                                + ") after " + done + " of " + changes.size() + " file(s); backup " + previous.id()
                                + " holds the state before the restore",
                        e);
            }
        }
        return new RestoreResult(backup, previous, outcomes, List.of(), List.of());
    }

    private byte[] verifiedCopy(Backup backup, BackupEntry entry) throws IOException {
        Path copy = backup.folder().resolve(entry.storedName());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(copy);
        } catch (NoSuchFileException e) {
            throw new DamagedBackupException(backup.id(), copy, entry.original(), "is missing");
        }
        String actual = Sha256.of(bytes);
        if (!actual.equals(entry.sha256())) {
            throw new DamagedBackupException(
                    backup.id(),
                    copy,
                    entry.original(),
                    "does not match its checksum (sha256 " + actual + ", the manifest says " + entry.sha256() + ")");
        }
        return bytes;
    }

    /** Whether restoring this file would change it: other bytes, another mode, or present where it was absent. */
    private boolean differs(Planned p) {
        Path original = p.entry().original();
        try {
            if (p.entry().absent()) {
                return Files.exists(original);
            }
            if (!Files.isRegularFile(original)) {
                return true;
            }
            if (p.entry().mode() != null && posix && !p.entry().mode().equals(modeOf(original))) {
                return true;
            }
            return Files.size(original) != p.bytes().length || !Arrays.equals(Files.readAllBytes(original), p.bytes());
        } catch (IOException e) {
            return true; // an unreadable file is restored; the write reports what stops it
        }
    }

    private String modeOf(Path file) {
        if (!posix || !Files.exists(file)) {
            return null;
        }
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        } catch (IOException e) {
            return null;
        }
    }

    private Backup read(Path folder) throws IOException, BackupManifest.UnreadableManifestException {
        String id = folder.getFileName().toString();
        byte[] manifest;
        try {
            manifest = Files.readAllBytes(folder.resolve(BackupManifest.FILE_NAME));
        } catch (NoSuchFileException e) {
            if (!Files.isDirectory(folder)) {
                throw e;
            }
            throw BackupManifest.UnreadableManifestException.missing("has no " + BackupManifest.FILE_NAME
                    + " (a backup still being written, or one whose run was stopped)");
        }
        try {
            return new Backup(id, folder, BackupManifest.parse(id, manifest));
        } catch (BackupManifest.UnreadableManifestException e) {
            throw new BackupManifest.UnreadableManifestException(BackupManifest.FILE_NAME + " " + e.getMessage());
        }
    }

    /** The sub-folders named like backup ids, in id order (which is time order). */
    private List<Path> idFolders() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path p : entries) {
                if (BackupIds.isId(p.getFileName().toString()) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(p);
                }
            }
        }
        out.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return out;
    }

    /**
     * Creates the new backup's folder under the next free id: the clock's second, or the newest existing id's
     * second when the clock is behind it; a number taken by another thread or process moves on to the next.
     */
    private Path claimFolder() throws IOException {
        createOwnerOnlyFolder(directory, true);
        String second = BackupIds.second(clock.instant());
        int sequence = 1;
        String newest = newestId();
        if (newest != null && BackupIds.secondOf(newest).compareTo(second) >= 0) {
            second = BackupIds.secondOf(newest);
            sequence = BackupIds.sequenceOf(newest) + 1;
        }
        while (true) {
            if (sequence > BackupIds.MAX_SEQUENCE) {
                second = BackupIds.nextSecond(second);
                sequence = 1;
            }
            Path folder = directory.resolve(BackupIds.id(second, sequence));
            try {
                createOwnerOnlyFolder(folder, false);
                return folder;
            } catch (FileAlreadyExistsException e) {
                sequence++;
            }
        }
    }

    /**
     * The newest id not later than the clock's: ids in the future (planted, or made under a clock set wrong) do not
     * drag every new backup into the future with them, where none would be the latest.
     */
    private String newestId() throws IOException {
        String now = BackupIds.second(clock.instant());
        List<String> ids = idFolders().stream()
                .map(f -> f.getFileName().toString())
                .filter(i -> BackupIds.secondOf(i).compareTo(now) <= 0)
                .toList();
        return ids.isEmpty() ? null : ids.get(ids.size() - 1);
    }

    /**
     * Creates a folder that only its owner can enter (0700, whatever the umask). For the backup directory itself
     * ({@code existingIsFine}) missing parents are created as any folder and an existing directory is left as it is.
     */
    private void createOwnerOnlyFolder(Path folder, boolean existingIsFine) throws IOException {
        if (existingIsFine) {
            if (Files.isDirectory(folder)) {
                return;
            }
            Files.createDirectories(folder.getParent());
        }
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER)}
                : new FileAttribute<?>[0];
        try {
            Files.createDirectory(folder, attributes);
        } catch (FileAlreadyExistsException e) {
            if (existingIsFine && Files.isDirectory(folder)) {
                return; // another run created it first
            }
            throw e;
        }
        if (posix) {
            Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
        }
    }

    /** Writes a copy owner-only from its creation on, and forces it to the disk: a backup is for after a crash. */
    private void writeOwnerOnly(Path file, byte[] bytes) throws IOException {
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
        try (FileChannel channel = FileChannel.open(
                file, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
            OutputStream out = Channels.newOutputStream(channel);
            out.write(bytes);
            out.flush();
            channel.force(true);
        }
        if (posix) {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        }
    }

    /** A copy's name after its original: letters, digits, '.', '_' and '-' kept, anything else '_'. */
    private static String safeName(Path original) {
        String name =
                original.getFileName() == null ? "file" : original.getFileName().toString();
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A file as it is now: its bytes (null when it does not exist) and its mode. */
    private record FileState(Path path, byte[] bytes, String mode) {

        static FileState read(Path path, boolean posix) throws IOException {
            if (!Files.exists(path)) {
                return new FileState(path, null, null);
            }
            if (Files.isDirectory(path)) {
                throw new IOException(path + " is a folder, where a config file is expected: give the file's path");
            }
            if (!Files.isRegularFile(path)) {
                throw new IOException(path + " is not a regular file");
            }
            String mode = posix ? PosixFilePermissions.toString(Files.getPosixFilePermissions(path)) : null;
            return new FileState(path, Files.readAllBytes(path), mode);
        }
    }

    /** A file to restore, with its verified bytes (null when the backup records it absent). */
    private record Planned(BackupEntry entry, byte[] bytes) {}
}
