package io.modelcatalog.catalog;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a provider's three catalog files live in the output folder: flat ({@code models_<p>.json} ...) as the
 * legacy tool wrote them, or in {@code json/}, {@code txt/} and {@code toml/} sub-folders.
 */
public enum CatalogLayout {
    LEGACY,
    STRUCTURED;

    /** Shared files of a fetch run, at the top of the output folder in both layouts. */
    public static final String FAILED_MODELS = "failed_models.json";

    public static final String CHUTES_CHUTES = "chutes_chutes.json";

    public static CatalogLayout parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "legacy":
                return LEGACY;
            case "structured":
                return STRUCTURED;
            default:
                throw new IllegalArgumentException("unknown layout '" + text + "': use legacy or structured");
        }
    }

    public Path json(Path root, String provider) {
        return file(root, provider, "json");
    }

    public Path txt(Path root, String provider) {
        return file(root, provider, "txt");
    }

    public Path toml(Path root, String provider) {
        return file(root, provider, "toml");
    }

    private Path file(Path root, String provider, String ext) {
        String name = "models_" + provider + "." + ext;
        return this == LEGACY ? root.resolve(name) : root.resolve(ext).resolve(name);
    }
}
