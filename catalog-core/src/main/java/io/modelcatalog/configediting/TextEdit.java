package io.modelcatalog.configediting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One splice into a text: the chars {@code [start, end)} replaced by {@code replacement} (an insertion when
 * {@code start == end}). Offsets are {@code char} offsets into the text the edit was computed on.
 */
public record TextEdit(int start, int end, String replacement) {

    public TextEdit {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public static TextEdit insert(int at, String text) {
        return new TextEdit(at, at, text);
    }

    public static TextEdit delete(int start, int end) {
        return new TextEdit(start, end, "");
    }

    /**
     * Applies edits computed on the same text. Insertions at one offset keep the order they were given in; two
     * edits that overlap are a bug of the caller and fail.
     */
    public static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        // stable: insertions at one offset stay in the given order, before a replacement starting there
        sorted.sort(Comparator.comparingInt(TextEdit::start).thenComparingInt(e -> e.end() - e.start()));
        StringBuilder out = new StringBuilder(text.length() + 256);
        int at = 0;
        for (TextEdit e : sorted) {
            if (e.start() < at) {
                throw new IllegalStateException("overlapping edits at offset " + e.start());
            }
            if (e.end() > text.length()) {
                throw new IllegalStateException("edit past the end of the text: " + e.end());
            }
            out.append(text, at, e.start()).append(e.replacement());
            at = e.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
