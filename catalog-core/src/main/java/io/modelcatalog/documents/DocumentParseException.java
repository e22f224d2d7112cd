package io.modelcatalog.documents;

/** A body or file that is not a JSON document; the message names the source, line and column. */
public class DocumentParseException extends RuntimeException {
    private final String source;
    private final int line;
    private final int column;
    private final String reason;

    public DocumentParseException(String source, int line, int column, String reason) {
        super(source + (line > 0 ? ":" + line + ":" + column : "") + ": not valid JSON: " + oneLine(reason));
        this.source = source;
        this.line = line;
        this.column = column;
        this.reason = oneLine(reason);
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        String flat = s.replace('\r', ' ').replace('\n', ' ');
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
