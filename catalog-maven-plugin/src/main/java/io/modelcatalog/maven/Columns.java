package io.modelcatalog.maven;

import java.util.Collection;

/** Left-aligned first columns for log tables: every name padded to the longest. */
final class Columns {

    private final int width;

    private Columns(int width) {
        this.width = width;
    }

    /** A column as wide as the longest of {@code names}, or 8 for none. */
    static Columns fitting(Collection<String> names) {
        return new Columns(names.stream().mapToInt(String::length).max().orElse(8));
    }

    /** The name padded with spaces to the column's width. */
    String pad(String name) {
        return name.length() >= width ? name : name + " ".repeat(width - name.length());
    }
}
