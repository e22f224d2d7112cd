package io.modelcatalog.artifact;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A catalog zip that is refused, or a catalog that could not be replaced by it: why, the zip, and the entry (or file)
 * at fault. Whenever this is thrown, the catalog folder holds exactly what it held before.
 */
public final class CatalogArtifactException extends IOException {

    /** Why the zip was refused or the replacement failed. */
    public enum Reason {
        /** The zip's own SHA-256 is not the pinned one. */
        ZIP_DIGEST,
        /** Not a readable zip: truncated, cut off in a download, or no zip at all. */
        NOT_A_ZIP,
        /** No manifest entry, so nothing vouches for the files. */
        NO_MANIFEST,
        /** A manifest that cannot be read, or that lists something no catalog holds. */
        BAD_MANIFEST,
        /** An entry whose name leads out of the catalog folder: absolute, or with a {@code ..} segment. */
        OUTSIDE_FOLDER,
        /** A symbolic link or another entry that is not a plain file. */
        LINK,
        /** Two entries with one name. */
        DUPLICATE,
        /** An entry the manifest does not list. */
        UNLISTED,
        /** A file the manifest lists and the zip lacks. */
        MISSING,
        /** An entry whose size is not the manifest's. */
        SIZE,
        /** An entry whose SHA-256 is not the manifest's: altered after it was packaged. */
        DIGEST,
        /** More bytes than the cap allows. */
        TOO_LARGE,
        /** The catalog folder could not be replaced (a file that cannot be moved); put back as it was. */
        REPLACE_FAILED
    }

    private final Reason reason;
    private final transient Path zip;
    private final String entry;

    CatalogArtifactException(Reason reason, Path zip, String entry, String message) {
        this(reason, zip, entry, message, null);
    }

    CatalogArtifactException(Reason reason, Path zip, String entry, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.zip = zip;
        this.entry = entry;
    }

    public Reason reason() {
        return reason;
    }

    /** The zip. */
    public Path zip() {
        return zip;
    }

    /** The entry (a path relative to the catalog folder) at fault; empty when it is the zip as a whole. */
    public Optional<String> entry() {
        return Optional.ofNullable(entry);
    }
}
