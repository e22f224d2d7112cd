package io.modelcatalog.toolconfigs;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The catalog cannot give the providers asked for ({@link CatalogProviders#read}): its folder is missing or a
 * regular file, a named provider has no file in it, or a provider's base URL from the environment holds a user name
 * or password, which a config would keep. Nothing was written. Carries what went wrong as data, so that a caller can
 * name its own settings in the remedy; the message says it in plain words. generate-configs and update-configs both
 * raise it.
 */
public class CatalogSelectionException extends RuntimeException {

    /** What went wrong. */
    public enum Reason {
        /** The catalog folder ({@link #path()}) does not exist. */
        NO_CATALOG,
        /** A regular file stands where the catalog folder ({@link #path()}) should be. */
        CATALOG_IS_A_FILE,
        /** A selected provider ({@link #provider()}) has no file ({@link #path()}) in the catalog. */
        NOT_IN_CATALOG,
        /** A provider's ({@link #provider()}) base URL from the environment holds a user name or password. */
        CREDENTIALS_IN_URL
    }

    private final Reason reason;
    private final Path path;
    private final String provider;

    private CatalogSelectionException(Reason reason, Path path, String provider, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.path = path;
        this.provider = provider;
    }

    /** The catalog folder is missing, or a regular file is in its place. */
    static CatalogSelectionException noCatalog(Path folder, boolean isAFile) {
        return isAFile
                ? new CatalogSelectionException(
                        Reason.CATALOG_IS_A_FILE,
                        folder,
                        null,
                        "catalog folder " + folder + " is a regular file, not a folder: point to the folder that holds"
                                + " the catalog")
                : new CatalogSelectionException(
                        Reason.NO_CATALOG,
                        folder,
                        null,
                        "catalog folder " + folder + " does not exist: fetch first, or point to the folder that holds"
                                + " the catalog");
    }

    static CatalogSelectionException notInCatalog(String provider, Path file) {
        return new CatalogSelectionException(
                Reason.NOT_IN_CATALOG,
                file,
                provider,
                "provider " + provider + ": the catalog has no " + file
                        + ": fetch it first, or leave the provider out");
    }

    static CatalogSelectionException credentialsInUrl(String provider, String variable, String maskedUrl) {
        return new CatalogSelectionException(
                Reason.CREDENTIALS_IN_URL,
                null,
                provider,
                "provider " + provider + ": the base URL in " + variable + " holds a user name or password ("
                        + maskedUrl + "), which its config files would keep: remove it and put the key in the "
                        + "provider's key variable");
    }

    public Reason reason() {
        return reason;
    }

    /** The catalog folder, or the provider's missing file; {@code null} for {@link Reason#CREDENTIALS_IN_URL}. */
    public Path path() {
        return path;
    }

    /** The provider concerned; {@code null} for the catalog folder's reasons. */
    public String provider() {
        return provider;
    }
}
