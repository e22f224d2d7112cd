package io.modelcatalog.toolconfigs;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The configs cannot be generated from this selection: two of its providers would write the same file or the same
 * name. Nothing was written. Carries what went wrong as data, so a caller can name its own settings in the remedy;
 * the message says it in plain words. (What the catalog itself cannot give is a {@link CatalogSelectionException}.)
 */
public class GenerateConfigsException extends RuntimeException {

    /** What went wrong. */
    public enum Reason {
        /** Two models of the providers {@link #providers()} would be written to one file ({@link #file()}). */
        SAME_FILE,
        /** A tool renames a provider to the name of another provider (both in {@link #providers()}). */
        RESERVED_NAME_TAKEN
    }

    private final Reason reason;
    private final Path file;
    private final List<String> providers;

    private GenerateConfigsException(Reason reason, Path file, List<String> providers, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.file = file;
        this.providers = List.copyOf(providers);
    }

    static GenerateConfigsException sameFile(Path file, String first, String second) {
        return new GenerateConfigsException(
                Reason.SAME_FILE,
                file,
                List.of(first, second),
                file + " would be written for "
                        + (first.equals(second) ? "two models of " + first : first + " and " + second)
                        + ": leave one model out");
    }

    static GenerateConfigsException reservedNameTaken(String tool, String provider, String renamed) {
        return new GenerateConfigsException(
                Reason.RESERVED_NAME_TAKEN,
                null,
                List.of(provider, renamed),
                "provider " + provider + " is written as '" + renamed + "' because " + tool + " reserves its name,"
                        + " but another provider is called '" + renamed + "': rename that provider");
    }

    public Reason reason() {
        return reason;
    }

    /** The file concerned; {@code null} for {@link Reason#RESERVED_NAME_TAKEN}. */
    public Path file() {
        return file;
    }

    /** The providers concerned, in the order the message names them. */
    public List<String> providers() {
        return providers;
    }
}
