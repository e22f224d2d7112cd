package io.modelcatalog.compat;

import java.util.Objects;

/**
 * One finding of a folder comparison.
 *
 * @param kind     what was found
 * @param provider the provider the file belongs to (by its file name)
 * @param file     the file's name, relative to its folder ({@code models_openai.json}, {@code json/models_openai.json})
 * @param message  a complete sentence for a log line, starting with the file and, for one folder's own files,
 *                 the folder ({@code output} or {@code reference})
 * @param location for a {@link FindingKind#DATA} difference in a JSON or TOML file, the first differing path
 *                 ({@code $.data[0].id}, {@code model_providers.zai.base_url}); else {@code null}
 */
public record CompatFinding(FindingKind kind, String provider, String file, String message, String location) {

    public CompatFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** A finding without a location. */
    public CompatFinding(FindingKind kind, String provider, String file, String message) {
        this(kind, provider, file, message, null);
    }

    /**
     * Whether the data differs first at the {@code base_url} of a TOML provider table, as it does for a catalog
     * fetched from a local server.
     */
    public boolean baseUrlDiffers() {
        return kind == FindingKind.DATA && location != null && LegacyFiles.isProviderBaseUrl(location);
    }

    public boolean isDifference() {
        return kind.severity() == FindingKind.Severity.DIFFERENCE;
    }

    public boolean isStray() {
        return kind.severity() == FindingKind.Severity.STRAY;
    }

    @Override
    public String toString() {
        return message;
    }
}
