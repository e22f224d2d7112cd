package io.modelcatalog.templates;

import java.nio.file.Path;

/**
 * A user template cannot be rendered: its file, the line and column (1-based; 0 when the error has no place in the
 * template, such as a bad file name), and what is wrong. Nothing was written.
 */
public final class TemplateFailure extends RuntimeException {

    private final transient Path file;
    private final int line;
    private final int column;

    public TemplateFailure(Path file, int line, int column, String what) {
        super("template " + file + (line > 0 ? ", line " + line + ", column " + column : "") + ": " + what);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
