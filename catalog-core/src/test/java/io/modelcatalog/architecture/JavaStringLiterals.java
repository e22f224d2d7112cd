package io.modelcatalog.architecture;

import java.util.ArrayList;
import java.util.List;

/** The string literals of a Java source, raw (escapes as written), skipping comments and char literals. */
final class JavaStringLiterals {

    private JavaStringLiterals() {}

    static List<String> of(String source) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = end(source.indexOf('\n', i), n);
            } else if (source.startsWith("/*", i)) {
                i = end(source.indexOf("*/", i + 2), n) + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int close = source.indexOf("\"\"\"", i + 3);
                while (close > 0 && source.charAt(close - 1) == '\\') {
                    close = source.indexOf("\"\"\"", close + 1);
                }
                int start = source.indexOf('\n', i) + 1;
                out.add(source.substring(start - 1, end(close, n)));
                i = end(close, n) + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    out.add(source.substring(i + 1, Math.min(j, n)));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    private static int end(int index, int length) {
        return index < 0 ? length : index;
    }
}
