package io.modelcatalog.toolconfigs;

import java.util.regex.Pattern;

/** TOML keys and basic strings written by hand (TOML 1.0). */
public final class TomlText {

    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private TomlText() {}

    /** A key: bare when TOML allows, else a quoted basic string. */
    static String key(String k) {
        return BARE_KEY.matcher(k).matches() ? k : basic(k);
    }

    /** A basic string: {@code \" \\ \b \t \n \f \r} escaped, other control characters as {@code \\u00XX}. */
    public static String basic(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\f' -> sb.append("\\f");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
