package io.modelcatalog.files;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Writes files so that a reader sees either the old bytes or the new ones, never a half-written file: the
 * bytes go to a temporary file in the same folder, which is then moved over the target.
 */
public final class AtomicFiles {

    /**
     * The name of a temporary file of {@link #write}: {@code .<target name>.<random digits>.tmp}, in the target's
     * folder. One left behind means a write was interrupted (a killed build) before its move.
     */
    private static final Pattern TEMP_FILE = Pattern.compile("\\..+\\.[0-9]+\\.tmp");

    private AtomicFiles() {}

    /** Whether a file name has the shape of {@link #write}'s temporary files. */
    public static boolean isTempFile(Path file) {
        Path name = file.getFileName();
        return name != null && TEMP_FILE.matcher(name.toString()).matches();
    }

    /** Writes {@code bytes} to {@code target} atomically, creating parent folders. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
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
}
