package io.modelcatalog.files;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Writes files so that a reader sees either the old bytes or the new ones, never a half-written file: the
 * bytes go to a temporary file in the same folder, which is then moved over the target.
 *
 * <p>Modes: a new file gets the mode the process's umask gives (0644 under umask 022, as any program's new file),
 * a replaced file keeps the mode it had, and {@link #write(Path, byte[], Set)} sets an exact mode. The temporary
 * file has the final mode from its creation on, so a file that is owner-only is never readable by others, not
 * even half-written. A target that is a symbolic link is written through: the file it points to gets the new
 * bytes and the link stays (a dotfiles setup keeps working). Links are resolved as the kernel does
 * ({@link RealFiles}), in the folders too.
 *
 * <p>Temporary files are named {@code .<name>.<digits>.tmp} beside the target; {@link #isLeftoverName(String)}
 * recognises that name, for cleaning up after a run that was killed between creating and moving one.
 */
public final class AtomicFiles {

    /** {@code .<target name>.<unsigned decimal>.tmp}: the one shape of this class's temporary files. */
    private static final Pattern TEMP_NAME = Pattern.compile("\\..+\\.[0-9]{1,20}\\.tmp");

    /**
     * The stream buffers of {@link #writeIfChanged(Path, Content)}. 16 KiB: a fetch writes about 110 files from
     * 36 threads at once, and 64 KiB buffers were 7 of the 92 MB a cold corpus fetch allocated (larger writes
     * bypass the buffer anyway).
     */
    private static final int BUFFER = 1 << 14;

    private AtomicFiles() {}

    /**
     * Writes {@code bytes} to {@code target} atomically, creating parent folders. A new file gets the mode the
     * umask gives; an existing one keeps its mode.
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        writeFile(target, bytes, null);
    }

    /**
     * Writes {@code bytes} to {@code target} atomically with exactly the given POSIX mode (the umask does not
     * apply), new or replaced; on a file system without POSIX modes the mode is ignored.
     */
    public static void write(Path target, byte[] bytes, Set<PosixFilePermission> mode) throws IOException {
        writeFile(target, bytes, Set.copyOf(mode));
    }

    /**
     * {@link #write(Path, byte[])}, with the bytes forced to the disk before the move: for a user's own file, which a
     * crash right after the move must not leave empty.
     */
    public static void writeSynced(Path target, byte[] bytes) throws IOException {
        writeFile(target, out -> out.write(bytes), null, true);
    }

    /** {@link #write(Path, byte[], Set)}, with the bytes forced to the disk before the move. */
    public static void writeSynced(Path target, byte[] bytes, Set<PosixFilePermission> mode) throws IOException {
        writeFile(target, out -> out.write(bytes), Set.copyOf(mode), true);
    }

    /**
     * Writes only when the content differs from the file's current bytes.
     *
     * @return whether the file was written
     */
    public static boolean writeIfChanged(Path target, byte[] bytes) throws IOException {
        if (Files.isRegularFile(target)
                && Files.size(target) == bytes.length
                && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return false;
        }
        write(target, bytes);
        return true;
    }

    /** Bytes made by writing them to a stream: the content of a file too large to hold twice in memory. */
    @FunctionalInterface
    public interface Content {
        /** Writes the bytes; called once to compare them with the file, and once more to write them. */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * What {@link #writeIfChanged(Path, Content)} did.
     *
     * @param changed whether the file was written
     * @param size    the content's size
     * @param sha256  the content's SHA-256, lowercase hex
     */
    public record Written(boolean changed, long size, String sha256) {}

    /**
     * Writes the content atomically, only when it differs from the file's current bytes, comparing them as they are
     * made rather than holding them; either way returns the content's size and digest.
     */
    public static Written writeIfChanged(Path target, Content content) throws IOException {
        if (Files.isRegularFile(target)) {
            try (InputStream existing = new BufferedInputStream(Files.newInputStream(target), BUFFER)) {
                Comparing same = new Comparing(existing);
                content.writeTo(same);
                if (existing.read() == -1) {
                    return new Written(false, same.count, same.digest());
                }
            } catch (Differs e) {
                // written below
            }
        }
        Digesting digesting = new Digesting(OutputStream.nullOutputStream());
        writeFile(
                target,
                out -> {
                    BufferedOutputStream buffered = new BufferedOutputStream(out, BUFFER);
                    digesting.out = buffered;
                    content.writeTo(digesting);
                    buffered.flush();
                },
                null,
                false);
        return new Written(true, digesting.count, digesting.digest());
    }

    /** The first byte that differs from the file's: not worth comparing further. */
    private static final class Differs extends IOException {
        Differs() {
            super(null, null);
        }
    }

    /** Counts and hashes what passes through. */
    private static class Digesting extends OutputStream {
        OutputStream out;
        final MessageDigest sha256;
        long count;

        Digesting(OutputStream out) {
            this.out = out;
            this.sha256 = Sha256.start();
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            sha256.update(b, off, len);
            count += len;
        }

        String digest() {
            return Sha256.hex(sha256);
        }
    }

    /** Compares what is written with a file's bytes, throwing {@link Differs} at the first difference. */
    private static final class Comparing extends Digesting {
        private final InputStream existing;
        private byte[] buffer = new byte[8192];

        Comparing(InputStream existing) {
            super(OutputStream.nullOutputStream());
            this.existing = existing;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (buffer.length < len) {
                buffer = new byte[len];
            }
            if (existing.readNBytes(buffer, 0, len) != len || !Arrays.equals(buffer, 0, len, b, off, off + len)) {
                throw new Differs();
            }
            super.write(b, off, len);
        }
    }

    /**
     * Whether a file name has the shape of this class's temporary files ({@code .<name>.<digits>.tmp}), i.e. may be
     * the leftover of a write that was killed before its move. Only the name is judged: a caller cleaning up
     * should also check that the file is older than its own run.
     */
    public static boolean isLeftoverName(String fileName) {
        return fileName != null && TEMP_NAME.matcher(fileName).matches();
    }

    /** The temporary file name for a target name; {@link #isLeftoverName(String)} accepts every such name. */
    static String tempName(String targetName, long random) {
        return "." + targetName + "." + Long.toUnsignedString(random) + ".tmp";
    }

    private static void writeFile(Path target, byte[] bytes, Set<PosixFilePermission> exactMode) throws IOException {
        writeFile(target, out -> out.write(bytes), exactMode, false);
    }

    private static void writeFile(Path target, Content bytes, Set<PosixFilePermission> exactMode, boolean sync)
            throws IOException {
        Path file = RealFiles.of(target);
        Path dir = file.getParent();
        Files.createDirectories(dir);
        boolean posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
        Set<PosixFilePermission> mode = exactMode;
        if (mode == null && posix && Files.exists(file)) {
            mode = Files.getPosixFilePermissions(file);
        }
        Path tmp = writeTemp(dir, file.getFileName().toString(), bytes, posix ? mode : null, sync);
        try {
            if (posix && mode != null) {
                // created owner-only (and writable, to write it); now exactly the intended mode, umask or not
                Files.setPosixFilePermissions(tmp, mode);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Writes the bytes to a new temporary file beside the target. Without a mode it is created like any new file
     * (0666 minus the umask), which is what {@code Files.createTempFile} does not do: that one is always
     * owner-only. With a mode it is created with the owner's bits of it only, so it is never more open than the
     * final file while the bytes go in.
     */
    private static Path writeTemp(
            Path dir, String targetName, Content bytes, Set<PosixFilePermission> mode, boolean sync)
            throws IOException {
        FileAttribute<?>[] attributes = mode == null
                ? new FileAttribute<?>[0]
                : new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(ownerOnlyWithin(mode))};
        while (true) {
            Path tmp =
                    dir.resolve(tempName(targetName, ThreadLocalRandom.current().nextLong()));
            SeekableByteChannel channel;
            try {
                channel = Files.newByteChannel(
                        tmp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes);
            } catch (FileAlreadyExistsException e) {
                continue; // another writer drew the same number: draw again
            }
            try (OutputStream out = Channels.newOutputStream(channel)) {
                bytes.writeTo(out);
                out.flush();
                if (sync && channel instanceof FileChannel file) {
                    file.force(true);
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            return tmp;
        }
    }

    /** The owner's bits of a mode: the temporary file starts no wider than this, then gets the exact mode. */
    private static Set<PosixFilePermission> ownerOnlyWithin(Set<PosixFilePermission> mode) {
        Set<PosixFilePermission> owner = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : mode) {
            if (p == PosixFilePermission.OWNER_READ
                    || p == PosixFilePermission.OWNER_WRITE
                    || p == PosixFilePermission.OWNER_EXECUTE) {
                owner.add(p);
            }
        }
        owner.add(PosixFilePermission.OWNER_WRITE);
        return owner;
    }
}
