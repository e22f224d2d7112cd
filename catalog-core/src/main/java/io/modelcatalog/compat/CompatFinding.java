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
 */
public record CompatFinding(FindingKind kind, String provider, String file, String message) {

    public CompatFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
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
