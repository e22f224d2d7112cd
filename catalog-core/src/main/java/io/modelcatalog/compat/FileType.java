package io.modelcatalog.compat;

import java.util.Locale;

/** The three files the legacy tool wrote per provider. */
public enum FileType {
    JSON,
    TXT,
    TOML;

    /** The file extension without the dot. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The legacy file name of this type for a provider: {@code models_<p>.<ext>}. */
    public String fileName(String provider) {
        return "models_" + provider + "." + extension();
    }

    static FileType ofExtension(String ext) {
        return valueOf(ext.toUpperCase(Locale.ROOT));
    }
}
