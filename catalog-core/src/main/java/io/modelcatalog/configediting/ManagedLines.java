package io.modelcatalog.configediting;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a file that an update may change (its managed entries) and the places where it may insert new
 * ones, in the original's 0-based line numbers. {@link #check} diffs the edited text against the original and
 * fails when any change falls outside: the byte-level half of the promise that nothing but managed entries
 * changes (the data-level half compares parsed data).
 */
public final class ManagedLines {

    private final List<int[]> ranges = new ArrayList<>();

    /** Lines {@code first..last} (inclusive) may change. */
    public ManagedLines allow(int first, int last) {
        ranges.add(new int[] {first, last});
        return this;
    }

    /** New lines may be inserted before original line {@code line} (the line count: at the end). */
    public ManagedLines allowInsertionBefore(int line) {
        ranges.add(new int[] {line, line - 1});
        return this;
    }

    /** New lines may be appended at the end of the text. */
    public ManagedLines allowAppend(ConfigText text) {
        return allowInsertionBefore(lines(text.text()).size());
    }

    /**
     * Fails naming the first original line that changed outside the managed lines. Lines are compared without
     * their line breaks, so a break added after a last line that had none (to append below it) is no change.
     */
    public void check(ConfigText before, String after) {
        List<String> a = lines(before.text());
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int pos = delta.getSource().getPosition();
            int size = delta.getSource().size();
            if (size == 0
                    ? !insertionAllowed(a, pos, delta.getTarget().getLines())
                    : !changeAllowed(pos, pos + size - 1)) {
                int line = firstOutside(pos, size);
                throw new ConfigEditException(
                        before.file(),
                        line + 1,
                        0,
                        "the update would change line " + (line + 1) + ", outside the entries it manages",
                        "nothing was written; this is a bug of the update, please report it with the file");
            }
        }
    }

    private boolean changeAllowed(int first, int last) {
        for (int line = first; line <= last; line++) {
            if (!inRange(line)) {
                return false;
            }
        }
        return true;
    }

    private boolean inRange(int line) {
        for (int[] r : ranges) {
            if (line >= r[0] && line <= r[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * An inserted block can often be placed one line up or down with the same result (when its last line equals
     * the line above it, or its first the line below); the diff picks one placement, so every equivalent one is
     * tried.
     */
    private boolean insertionAllowed(List<String> original, int pos, List<String> inserted) {
        if (insertionAllowed(pos)) {
            return true;
        }
        List<String> block = new ArrayList<>(inserted);
        int p = pos;
        while (p > 0 && !block.isEmpty() && block.get(block.size() - 1).equals(original.get(p - 1))) {
            block.add(0, block.remove(block.size() - 1));
            p--;
            if (insertionAllowed(p)) {
                return true;
            }
        }
        block = new ArrayList<>(inserted);
        p = pos;
        while (p < original.size() && !block.isEmpty() && block.get(0).equals(original.get(p))) {
            block.add(block.remove(0));
            p++;
            if (insertionAllowed(p)) {
                return true;
            }
        }
        return false;
    }

    private boolean insertionAllowed(int before) {
        for (int[] r : ranges) {
            // inside a range, just after it, or at an insertion point
            if (before >= r[0] && before <= r[1] + 1) {
                return true;
            }
        }
        return false;
    }

    private int firstOutside(int pos, int size) {
        for (int line = pos; line < pos + size; line++) {
            if (!inRange(line)) {
                return line;
            }
        }
        return pos;
    }

    /** Lines without their breaks (a final break adds no empty line). */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }
}
