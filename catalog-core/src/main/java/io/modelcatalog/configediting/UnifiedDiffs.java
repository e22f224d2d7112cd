package io.modelcatalog.configediting;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.List;

/** Unified diffs (as {@code diff -u} prints them) of a file's text before and after an update. */
public final class UnifiedDiffs {

    private static final int CONTEXT = 3;

    private UnifiedDiffs() {}

    /**
     * The diff, with {@code a/<name>} and {@code b/<name>} headers for a relative name and the name itself for an
     * absolute one (as {@code diff -u} writes it: {@code --- /home/me/.config/...}, not {@code a//home/...}, and
     * {@code patch -p0} applies it); empty when the texts are equal. A file that
     * does not exist yet is diffed from nothing ({@code before} null), a file to be removed to nothing ({@code after}
     * null).
     */
    public static String of(String name, String before, String after) {
        List<String> a = before == null ? List.of() : ManagedLines.lines(before);
        List<String> b = after == null ? List.of() : ManagedLines.lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff(
                before == null ? "/dev/null" : header("a/", name),
                after == null ? "/dev/null" : header("b/", name),
                a,
                patch,
                CONTEXT);
        return String.join("\n", lines) + "\n";
    }

    private static String header(String prefix, String name) {
        return name.startsWith("/") ? name : prefix + name;
    }
}
