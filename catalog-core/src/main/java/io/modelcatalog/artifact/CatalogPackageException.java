package io.modelcatalog.artifact;

import java.io.IOException;
import java.nio.file.Path;

/** A catalog folder that cannot be packaged: why, and the folder. Nothing is written when this is thrown. */
public final class CatalogPackageException extends IOException {

    /** Why the folder cannot be packaged. */
    public enum Reason {
        /** The folder does not exist. */
        NO_FOLDER,
        /** A regular file stands where the folder should be. */
        NOT_A_FOLDER,
        /** The folder holds no provider file ({@code models_<p>.json}) of either layout. */
        EMPTY,
        /** A file changed while it was being packaged (a fetch writing into the folder at the same time). */
        CHANGED
    }

    private final Reason reason;
    private final transient Path folder;

    CatalogPackageException(Reason reason, Path folder, String message) {
        super(message);
        this.reason = reason;
        this.folder = folder;
    }

    public Reason reason() {
        return reason;
    }

    /** The catalog folder. */
    public Path folder() {
        return folder;
    }
}
