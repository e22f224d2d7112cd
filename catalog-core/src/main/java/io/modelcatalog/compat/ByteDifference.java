package io.modelcatalog.compat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Describes where two files of the same data first differ in their bytes: line and column, what kind of
 * formatting differs there (whitespace, line endings, string escaping, number notation, the end of the file),
 * and the line from each side around that place.
 */
final class ByteDifference {

    /** Bytes of context shown on each side of the difference. */
    private static final int CONTEXT = 30;

    private ByteDifference() {}

    /** The index of the first differing byte, or -1 when the arrays are equal. */
    static int firstDifference(byte[] a, byte[] b) {
        return Arrays.mismatch(a, b);
    }

    /** For files whose bytes differ: "line L, column C (kind): reference ..., output ...". */
    static String describe(byte[] reference, byte[] output) {
        int at = firstDifference(reference, output);
        if (at < 0) {
            throw new IllegalArgumentException("the files are identical");
        }
        int lineStart = lastNewlineBefore(reference, at) + 1;
        int line = 1;
        for (int i = 0; i < lineStart; i++) {
            if (reference[i] == '\n') {
                line++;
            }
        }
        int column = new String(reference, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
        return "line " + line + ", column " + column + " (" + kind(reference, output, at) + "): reference "
                + excerpt(reference, lineStart, at) + ", output " + excerpt(output, lineStart, at);
    }

    private static String kind(byte[] ref, byte[] out, int at) {
        if (at >= ref.length || at >= out.length) {
            byte[] longer = at >= ref.length ? out : ref;
            String side = longer == out ? "the output" : "the reference";
            return (onlyWhitespace(longer, at) ? "trailing whitespace or newline" : "end of file") + ": " + side
                    + " has " + (longer.length - at) + " more byte" + (longer.length - at == 1 ? "" : "s");
        }
        byte r = ref[at];
        byte o = out[at];
        if (r == '\r' || o == '\r') {
            return "line endings";
        }
        if (isSpace(r) || isSpace(o)) {
            return "whitespace or indentation";
        }
        if (insideString(ref, at)) {
            // same data, so a backslash or a non-ASCII byte here is one character written two ways
            return r == '\\' || o == '\\' || r < 0 || o < 0 ? "string escaping" : "layout";
        }
        if (isNumberChar(r) && isNumberChar(o)) {
            return "number notation";
        }
        return "layout";
    }

    /** Whether a double-quoted string is open at {@code at}, scanning the line up to there (JSON and TOML basic strings). */
    private static boolean insideString(byte[] b, int at) {
        boolean inside = false;
        for (int i = lastNewlineBefore(b, at) + 1; i < at; i++) {
            if (b[i] == '\\' && inside) {
                i++;
            } else if (b[i] == '"') {
                inside = !inside;
            }
        }
        return inside;
    }

    private static boolean isNumberChar(byte c) {
        return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\n' || c == '\t';
    }

    private static boolean onlyWhitespace(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (!isSpace(b[i]) && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static int lastNewlineBefore(byte[] b, int at) {
        for (int i = Math.min(at, b.length) - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The line from {@code lineStart}, around byte {@code at}, in backquotes with control characters made visible. */
    private static String excerpt(byte[] b, int lineStart, int at) {
        int from = Math.max(lineStart, at - CONTEXT);
        while (from > lineStart && (b[from] & 0xC0) == 0x80) {
            from--; // do not start inside a UTF-8 sequence
        }
        int to = Math.min(b.length, at + CONTEXT);
        int nl = indexOf(b, (byte) '\n', at, to);
        // show the line ending itself when it is the difference (a \n, or the \n after a \r), else stop before it
        to = nl < 0 ? to : (nl - at <= 1 ? nl + 1 : nl);
        while (to < b.length && to > from && (b[to] & 0xC0) == 0x80) {
            to++;
        }
        if (at >= b.length) {
            return quote(new String(b, from, b.length - from, StandardCharsets.UTF_8)) + " (end of file)";
        }
        boolean cut = to < b.length && b[to - 1] != '\n' && b[to] != '\n';
        return (from > lineStart ? "..." : "")
                + quote(new String(b, from, to - from, StandardCharsets.UTF_8))
                + (cut ? "..." : "");
    }

    private static int indexOf(byte[] b, byte c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('`');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('`').toString();
    }
}
