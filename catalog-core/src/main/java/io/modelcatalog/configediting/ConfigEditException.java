package io.modelcatalog.configediting;

import java.nio.file.Path;

/**
 * A config file that cannot be edited safely: it does not parse, is not what its tool expects, or an edit would
 * change more than the managed entries. Carries the file, a 1-based line and column where known (0 when not),
 * the problem and the remedy, so a caller can phrase it in its own words. Nothing has been written when this is
 * thrown.
 */
public class ConfigEditException extends RuntimeException {

    private final Path file;
    private final int line;
    private final int column;
    private final String problem;
    private final String remedy;

    public ConfigEditException(Path file, int line, int column, String problem, String remedy) {
        super(format(file, line, column, problem, remedy));
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
        this.remedy = remedy;
    }

    /** A problem of the whole file (no position). */
    public ConfigEditException(Path file, String problem, String remedy) {
        this(file, 0, 0, problem, remedy);
    }

    private static String format(Path file, int line, int column, String problem, String remedy) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<text>" : file.toString());
        if (line > 0) {
            sb.append(", line ").append(line);
            if (column > 0) {
                sb.append(", column ").append(column);
            }
        }
        sb.append(": ").append(problem);
        if (remedy != null && !remedy.isBlank()) {
            sb.append(": ").append(remedy);
        }
        return sb.toString();
    }

    public Path file() {
        return file;
    }

    /** 1-based; 0 when the problem has no position. */
    public int line() {
        return line;
    }

    /** 1-based; 0 when unknown. */
    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }

    public String remedy() {
        return remedy;
    }
}
