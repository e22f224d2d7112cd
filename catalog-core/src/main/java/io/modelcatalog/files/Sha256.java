package io.modelcatalog.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as the catalog records it everywhere (response cache, output and configs manifests, generated-files
 * record, backups, lock and profile names): lowercase hex.
 */
public final class Sha256 {

    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {}

    /** The digest of {@code bytes}, lowercase hex (64 characters). */
    public static String of(byte[] bytes) {
        return HEX.formatHex(start().digest(bytes));
    }

    /** The digest of {@code text}'s UTF-8 bytes, lowercase hex. */
    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest of a file's bytes, read as a stream (a file too large to hold), lowercase hex. */
    public static String of(Path file) throws IOException {
        MessageDigest d = start();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                d.update(buffer, 0, n);
            }
        }
        return hex(d);
    }

    /** A digest to feed in parts, for content too large to hold at once; {@link #hex} finishes it. */
    public static MessageDigest start() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Finishes {@code digest} (it is reset) and gives its value, lowercase hex. */
    public static String hex(MessageDigest digest) {
        return HEX.formatHex(digest.digest());
    }
}
