package io.modelcatalog.configupdate;

import java.nio.file.Path;

/**
 * The update cannot run with this input (as opposed to a file that cannot be edited, a
 * {@link io.modelcatalog.configediting.ConfigEditException}). Carries what went wrong as data; the message says
 * what to do in plain words. Nothing was written.
 */
public class UpdateConfigsException extends RuntimeException {

    /** What went wrong. */
    public enum Reason {
        /** The catalog folder does not exist. */
        NO_CATALOG,
        /** A selected provider has no file in the catalog. */
        PROVIDER_NOT_IN_CATALOG,
        /** A path where a config file is expected is a folder (or another non-file). */
        NOT_A_FILE,
        /** Another process kept a config file locked for too long. */
        LOCKED,
        /** Two providers would write the same entry (a renamed reserved name meets a real one). */
        NAME_CLASH,
        /** A provider's base URL from the environment holds a user name or password, which a config would keep. */
        CREDENTIALS_IN_URL
    }

    private final Reason reason;
    private final Path path;
    private final String provider;

    public UpdateConfigsException(Reason reason, Path path, String provider, String message) {
        super(message);
        this.reason = reason;
        this.path = path;
        this.provider = provider;
    }

    public Reason reason() {
        return reason;
    }

    /** The file or folder concerned, or null. */
    public Path path() {
        return path;
    }

    /** The provider concerned, or null. */
    public String provider() {
        return provider;
    }
}
