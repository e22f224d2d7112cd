package io.modelcatalog.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An aligned plain-text table: every column as wide as its widest cell, two spaces between columns, no trailing
 * spaces. One column may be shortened (with {@code ...}) so that the lines fit a width. Also the single padded
 * column of a log line ({@link Column}).
 */
public final class TextTable {

    private static final String GAP = "  ";

    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] right;

    private TextTable(String[] header) {
        this.right = new boolean[header.length];
        rows.add(header.clone());
    }

    /** A table with this header line. */
    public static TextTable withHeader(String... header) {
        return new TextTable(header);
    }

    /** Aligns a column's cells (its header included) to the right, as for counts. */
    public TextTable alignRight(int column) {
        right[column] = true;
        return this;
    }

    /** Adds a row; it has as many cells as the header. */
    public TextTable row(String... cells) {
        if (cells.length != right.length) {
            throw new IllegalArgumentException(cells.length + " cells for " + right.length + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    /** The header line and the rows, every column as wide as its widest cell. */
    public List<String> lines() {
        return lines(widths(), -1);
    }

    /**
     * The lines, at most {@code maxWidth} wide where shortening {@code column} (to no less than {@code minWidth})
     * can make them so: its longer cells end in {@code ...}.
     */
    public List<String> lines(int maxWidth, int column, int minWidth) {
        int[] width = widths();
        int others = GAP.length() * (width.length - 1);
        for (int i = 0; i < width.length; i++) {
            others += i == column ? 0 : width[i];
        }
        width[column] = Math.max(minWidth, Math.min(width[column], maxWidth - others));
        return lines(width, column);
    }

    private int[] widths() {
        int[] width = new int[right.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        return width;
    }

    private List<String> lines(int[] width, int shortened) {
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = i == shortened ? shorten(row[i], width[i]) : row[i];
                sb.append(i == 0 ? "" : GAP).append(pad(cell, width[i], right[i]));
            }
            lines.add(stripSpaces(sb.toString()));
        }
        return lines;
    }

    /** Without the spaces at its end (a last column's padding or an empty last cell). */
    private static String stripSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    private static String shorten(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 3) + "...";
    }

    /** {@code s} padded with spaces to {@code width}, on the right, or on the left when {@code right}. */
    public static String pad(String s, int width, boolean right) {
        if (s.length() >= width) {
            return s;
        }
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }

    /** A left-aligned first column for log lines: every name padded to the longest. */
    public record Column(int width) {

        /** A column as wide as the longest of {@code names}, or 8 for none. */
        public static Column fitting(Collection<String> names) {
            return new Column(names.stream().mapToInt(String::length).max().orElse(8));
        }

        /** The name padded with spaces to the column's width. */
        public String pad(String name) {
            return TextTable.pad(name, width, false);
        }
    }
}
