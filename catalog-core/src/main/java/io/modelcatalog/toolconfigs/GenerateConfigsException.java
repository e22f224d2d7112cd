package io.modelcatalog.toolconfigs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The configs cannot be generated from this input; nothing was written. Carries what went wrong as data, so a
 * caller can name its own settings in the remedy; the message says it in plain words.
 */
public class GenerateConfigsException extends RuntimeException {

    /** What went wrong. */
    public enum Reason {
        /** The catalog folder ({@link #file()}) does not exist. */
        NO_CATALOG,
        /** A selected provider ({@link #providers()}) has no file ({@link #file()}) in the catalog. */
        NOT_IN_CATALOG,
        /** Two models of the providers {@link #providers()} would be written to one file ({@link #file()}). */
        SAME_FILE,
        /** A tool renames a provider to the name of another provider (both in {@link #providers()}). */
        RESERVED_NAME_TAKEN,
        /**
         * A provider's base URL from the environment holds a user name or password, which a config file would
         * keep; the message names the variable.
         */
        CREDENTIALS_IN_URL
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

    static GenerateConfigsException noCatalog(Path folder) {
        return new GenerateConfigsException(
                Reason.NO_CATALOG,
                folder,
                List.of(),
                "catalog folder " + folder
                        + (Files.isRegularFile(folder)
                                ? " is a regular file, not a folder: point to the catalog folder"
                                : " does not exist: fetch first"));
    }

    static GenerateConfigsException notInCatalog(String provider, Path file) {
        return new GenerateConfigsException(
                Reason.NOT_IN_CATALOG,
                file,
                List.of(provider),
                "provider " + provider + ": the catalog has no " + file + ": fetch it first, or leave it out");
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

    static GenerateConfigsException credentialsInUrl(String provider, String variable, String maskedUrl) {
        return new GenerateConfigsException(
                Reason.CREDENTIALS_IN_URL,
                null,
                List.of(provider),
                "provider " + provider + ": the base URL in " + variable + " holds a user name or password ("
                        + maskedUrl + "), which its config files would keep: remove it and put the key in the "
                        + "provider's key variable");
    }

    public Reason reason() {
        return reason;
    }

    /** The file or folder concerned; {@code null} for {@link Reason#RESERVED_NAME_TAKEN} and {@link Reason#CREDENTIALS_IN_URL}. */
    public Path file() {
        return file;
    }

    /** The providers concerned, in the order the message names them. */
    public List<String> providers() {
        return providers;
    }
}
