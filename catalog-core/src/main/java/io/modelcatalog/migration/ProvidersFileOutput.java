package io.modelcatalog.migration;

import io.modelcatalog.files.AtomicFiles;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderFileException;
import io.modelcatalog.providers.ProviderLayer;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Puts a generated providers file in place: never over a different file unless told to, then with a backup of
 * it beside it; and only for good. The written file is read back (by {@link ProviderRegistry#readFile} and
 * compared with what was meant, then by the caller's own check); when that fails, the previous state is
 * restored byte for byte and the failure is passed on.
 */
public final class ProvidersFileOutput {

    private ProvidersFileOutput() {}

    /** The caller's validation of the written file, e.g. the one every goal applies to a providers file. */
    @FunctionalInterface
    public interface ReadBack<E extends Exception> {
        void check(Path written) throws E;
    }

    /** Whether the file was written or already held exactly these bytes. */
    public enum Result {
        WRITTEN,
        UNCHANGED
    }

    /**
     * @param result what happened
     * @param file   the providers file
     * @param backup the copy of the file it replaced, when it replaced one
     */
    public record Outcome(Result result, Path file, Optional<Path> backup) {}

    /** The target exists with other content and replacing it was not allowed. */
    public static final class ExistingFileException extends RuntimeException {
        private final Path file;

        ExistingFileException(Path file) {
            super(file + " exists with other content and is not replaced");
            this.file = file;
        }

        public Path file() {
            return file;
        }
    }

    /**
     * Writes {@code bytes} (the providers file of {@code expected}) to {@code target}.
     *
     * @param overwrite whether a target with other content may be replaced (a backup of it is kept beside it)
     * @throws ExistingFileException when the target differs and {@code overwrite} is false; nothing is written
     * @throws IOException           when the file or its backup cannot be written; the previous file is kept
     * @throws E                     from {@code readBack}; the previous state is restored
     */
    public static <E extends Exception> Outcome write(
            Path target, byte[] bytes, List<ProviderDefinition> expected, boolean overwrite, ReadBack<E> readBack)
            throws IOException, E {
        byte[] previous = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(target)) {
                throw new IOException(target + " exists and is not a regular file");
            }
            previous = Files.readAllBytes(target);
            if (Arrays.equals(previous, bytes)) {
                readBack(target, expected, readBack);
                return new Outcome(Result.UNCHANGED, target, Optional.empty());
            }
            if (!overwrite) {
                throw new ExistingFileException(target);
            }
        }
        Path backup = previous == null ? null : backup(target);
        boolean kept = false;
        try {
            AtomicFiles.write(target, bytes);
            readBack(target, expected, readBack);
            kept = true;
        } finally {
            if (!kept) {
                restore(target, previous, backup);
            }
        }
        return new Outcome(Result.WRITTEN, target, Optional.ofNullable(backup));
    }

    private static <E extends Exception> void readBack(
            Path target, List<ProviderDefinition> expected, ReadBack<E> readBack) throws E {
        List<ProviderDefinition> read = ProviderLayer.file(target).providers();
        if (!read.equals(expected)) {
            throw new ProviderFileException(
                    target + ": reads back as other providers than were written: " + read + " instead of " + expected,
                    null);
        }
        readBack.check(target);
    }

    /**
     * Copies the target to the first free name of {@code <name>.bak}, {@code <name>.bak.1}, {@code <name>.bak.2},
     * ...: an earlier backup is never replaced.
     */
    private static Path backup(Path target) throws IOException {
        String name = target.getFileName().toString();
        for (int i = 0; ; i++) {
            Path backup = target.resolveSibling(name + ".bak" + (i == 0 ? "" : "." + i));
            try {
                Files.copy(target, backup, StandardCopyOption.COPY_ATTRIBUTES);
                return backup;
            } catch (FileAlreadyExistsException e) {
                // taken: try the next name
            }
        }
    }

    /** Puts the previous bytes back (or removes a file that did not exist); the backup goes once that worked. */
    private static void restore(Path target, byte[] previous, Path backup) {
        try {
            if (previous == null) {
                Files.deleteIfExists(target);
            } else {
                AtomicFiles.writeIfChanged(target, previous);
                if (backup != null) {
                    Files.deleteIfExists(backup);
                }
            }
        } catch (IOException e) {
            // the backup, if any, still holds the previous bytes; the caller's failure is the one to report
        }
    }
}
