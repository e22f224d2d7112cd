package io.modelcatalog.catalog;

import java.util.Locale;

/** The three files the legacy tool wrote per provider; {@link CatalogLayout} names them and their folders. */
public enum FileType {
    JSON,
    TXT,
    TOML;

    /** The file extension without the dot, also the sub-folder name of the structured layout. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
