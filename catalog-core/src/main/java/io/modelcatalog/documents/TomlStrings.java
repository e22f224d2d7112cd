package io.modelcatalog.documents;

import java.util.Locale;

/**
 * TOML keys and basic strings written by hand (TOML 1.0), for the legacy toml files and the generated tool
 * configs alike. TOML lets a writer escape a tab or not, and spell {@code \}{@code u} escapes in either case; the
 * two outputs made different choices, and {@link Style} is the one place that names them.
 */
public final class TomlStrings {

    /** How a basic string spells a tab and the other control characters. */
    public enum Style {
        /** Generated tool configs: tab as {@code \t}, other control characters as upper-case {@code \}{@code u00XX}. */
        ESCAPED,
        /**
         * The legacy toml files, as Python's tomli_w wrote them: tab as is, other control characters as lower-case
         * {@code \}{@code u00xx}.
         */
        TOMLI_W
    }

    private TomlStrings() {}

    /** A key: bare when non-empty and only {@code A-Za-z0-9_-}, else a basic string. */
    public static String key(String k, Style style) {
        boolean bare = !k.isEmpty();
        for (int i = 0; bare && i < k.length(); i++) {
            char c = k.charAt(i);
            bare = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        }
        return bare ? k : basic(k, style);
    }

    /** A single-line basic string. */
    public static String basic(String s, Style style) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        basic(s, style, sb);
        return sb.toString();
    }

    /**
     * Appends a single-line basic string: {@code \"} {@code \\} {@code \b} {@code \n} {@code \f} {@code \r}
     * escaped, a tab and the other control characters and DEL as the style says, everything else (non-ASCII
     * included) as is.
     */
    public static void basic(String s, Style style, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\n' -> sb.append("\\n");
                case '\f' -> sb.append("\\f");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append(style == Style.TOMLI_W ? "\t" : "\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        String hex = String.format("%04x", (int) c);
                        sb.append("\\u").append(style == Style.TOMLI_W ? hex : hex.toUpperCase(Locale.ROOT));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
