package io.modelcatalog.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What a file held when it was written (its SHA-256) and how it looked on disk right after (size, modification and
 * change times in nanoseconds, the file's identity: device and inode), so that a later run can tell cheaply whether
 * the file still holds those bytes.
 *
 * <p>The check is the one version control systems use for their index: when every attribute is as recorded, the
 * file is the one that was written and untouched since (an edit in place moves the modification and change times, a
 * replaced file has another inode, and the change time cannot be set back by hand as the modification time can).
 * When any attribute differs the file is hashed and compared with the recorded digest, so a file that was merely
 * touched or copied back still counts as unchanged, and an edited, truncated or deleted one never does. The one
 * blind spot, as for those index files, is an edit in place that keeps the size within the file system's clock tick
 * after the write (milliseconds), i.e. while the writing run is still going.
 *
 * @param sha256 the digest of the bytes, lowercase hex
 * @param size   the size in bytes
 * @param mtime  the modification time, nanoseconds since the epoch
 * @param ctime  the change time (inode), nanoseconds since the epoch; -1 where the file system does not tell
 * @param key    the file's identity (device and inode), or null where the file system does not tell
 */
public record FileStamp(String sha256, long size, long mtime, long ctime, String key) {

    private static final String UNIX_ATTRIBUTES = "unix:size,lastModifiedTime,ctime,dev,ino";

    /**
     * The stamp of a file that was just written with {@code bytes}.
     *
     * @return the stamp; empty when the file is gone or no longer has the length of {@code bytes} (another writer
     *     replaced it meanwhile, so no stamp can vouch for it)
     */
    public static Optional<FileStamp> ofWritten(Path file, byte[] bytes) throws IOException {
        Optional<FileStamp> attributes = attributes(file, null);
        return attributes.filter(a -> a.size() == bytes.length).map(a -> a.withDigest(Sha256.of(bytes)));
    }

    /**
     * The stamp of a file that was just written with content of this size and digest; empty as
     * {@link #ofWritten(Path, byte[])}.
     */
    public static Optional<FileStamp> ofWritten(Path file, long size, String sha256) throws IOException {
        return attributes(file, null).filter(a -> a.size() == size).map(a -> a.withDigest(sha256));
    }

    /**
     * Whether the file still holds the recorded bytes: true at once when its attributes are as recorded, else
     * after hashing it.
     */
    public boolean matches(Path file) throws IOException {
        return check(file) != Check.CHANGED;
    }

    /** How a file compares with this stamp. */
    public enum Check {
        /** Every attribute as recorded: not read. */
        SAME,
        /** Attributes moved, but it was hashed and holds the recorded bytes. */
        SAME_BYTES,
        /** Missing, another size, or other bytes. */
        CHANGED
    }

    /** Compares a file with this stamp, hashing it only when its attributes moved and its size did not. */
    public Check check(Path file) throws IOException {
        Optional<FileStamp> now = attributes(file, null);
        if (now.isEmpty() || now.get().size() != size) {
            return Check.CHANGED;
        }
        FileStamp n = now.get();
        if (n.mtime() == mtime && n.ctime() == ctime && ctime != -1 && key != null && key.equals(n.key())) {
            return Check.SAME;
        }
        try {
            return Sha256.of(Files.readAllBytes(file)).equals(sha256) ? Check.SAME_BYTES : Check.CHANGED;
        } catch (NoSuchFileException e) {
            return Check.CHANGED;
        }
    }

    /** This stamp with the file's current attributes (after a {@link Check#SAME_BYTES} check), same digest. */
    public Optional<FileStamp> refreshed(Path file) throws IOException {
        return attributes(file, sha256).filter(a -> a.size() == size);
    }

    /**
     * The file's attributes as they are now, without its digest ({@code sha256} null): for a folder, whose stamp is
     * its attributes alone, or for a file about to be read, whose attributes must not move while it is.
     *
     * @return the attributes; empty when nothing exists there
     */
    public static Optional<FileStamp> attributesNow(Path file) throws IOException {
        return attributes(file, null);
    }

    /** Whether the attributes (size, times, identity) are those of {@code other}, and can vouch for a file. */
    public boolean sameAttributes(FileStamp other) {
        return other != null
                && size == other.size
                && mtime == other.mtime
                && ctime == other.ctime
                && ctime != -1
                && key != null
                && key.equals(other.key);
    }

    /** This stamp with a digest, for attributes taken before the bytes were read and unchanged after. */
    public FileStamp withSha256(String digest) {
        return withDigest(digest);
    }

    private FileStamp withDigest(String digest) {
        return new FileStamp(digest, size, mtime, ctime, key);
    }

    /** The file's attributes with the given digest; empty when it does not exist. */
    private static Optional<FileStamp> attributes(Path file, String digest) throws IOException {
        try {
            try {
                Map<String, Object> a = Files.readAttributes(file, UNIX_ATTRIBUTES);
                return Optional.of(new FileStamp(
                        digest,
                        (Long) a.get("size"),
                        nanos((FileTime) a.get("lastModifiedTime")),
                        nanos((FileTime) a.get("ctime")),
                        a.get("dev") + ":" + a.get("ino")));
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                // no unix view (Windows): size, modification time and the file key where there is one
                BasicFileAttributes b = Files.readAttributes(file, BasicFileAttributes.class);
                Object fileKey = b.fileKey();
                return Optional.of(new FileStamp(
                        digest,
                        b.size(),
                        nanos(b.lastModifiedTime()),
                        -1,
                        fileKey == null ? null : fileKey.toString()));
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static long nanos(FileTime t) {
        return t == null ? -1 : t.to(TimeUnit.NANOSECONDS);
    }

    /** This stamp as a JSON object: {@code sha256}, {@code size}, {@code mtime}, {@code ctime}, {@code key}. */
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("sha256", sha256);
        n.put("size", size);
        n.put("mtime", mtime);
        n.put("ctime", ctime);
        n.put("key", key);
        return n;
    }

    /** A stamp from {@link #toJson()}, or null when absent or incomplete. */
    public static FileStamp fromJson(JsonNode n) {
        if (n == null
                || !n.path("sha256").isTextual()
                || !n.path("size").canConvertToLong()
                || !n.path("mtime").canConvertToLong()
                || !n.path("ctime").canConvertToLong()) {
            return null;
        }
        JsonNode k = n.get("key");
        return new FileStamp(
                n.get("sha256").asText(),
                n.get("size").asLong(),
                n.get("mtime").asLong(),
                n.get("ctime").asLong(),
                k == null || k.isNull() ? null : k.asText());
    }
}
