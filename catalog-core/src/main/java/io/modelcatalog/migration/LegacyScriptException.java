package io.modelcatalog.migration;

import java.nio.file.Path;

/**
 * A legacy script that cannot be imported: missing, unreadable, or with a provider block the import cannot take
 * as it is. The message names the script, the line (when there is one) and what to change.
 */
public class LegacyScriptException extends RuntimeException {

    /** Why the script was refused. */
    public enum Reason {
        /** No file at the given path. */
        NOT_FOUND,
        /** The file exists but cannot be read, or is not UTF-8 text. */
        UNREADABLE,
        /** The file was read; a block or one of its lines is wrong. */
        INVALID
    }

    private final Path file;
    private final int line;
    private final Reason reason;

    LegacyScriptException(Path file, int line, Reason reason, String detail, Throwable cause) {
        super((line > 0 ? file + ":" + line : file.toString()) + ": " + detail, cause);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    static LegacyScriptException at(Path file, int line, String detail) {
        return new LegacyScriptException(file, line, Reason.INVALID, detail, null);
    }

    /** The script. */
    public Path file() {
        return file;
    }

    /** The script's line (1-based) the problem is on, or 0 when it concerns the whole file. */
    public int line() {
        return line;
    }

    public Reason reason() {
        return reason;
    }
}
