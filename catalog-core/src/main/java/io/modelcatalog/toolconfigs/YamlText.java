package io.modelcatalog.toolconfigs;

/** YAML scalars written by hand: every string double-quoted, with only ASCII in the output. */
public final class YamlText {

    private YamlText() {}

    /** A double-quoted YAML string; control and non-ASCII characters as escapes, so any parser reads it back. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (cp < 0x20 || cp == 0x7F) {
                        sb.append(String.format("\\x%02X", cp));
                    } else if (cp > 0xFFFF) {
                        sb.append(String.format("\\U%08X", cp));
                    } else if (cp > 0x7E) {
                        sb.append(String.format("\\u%04X", cp));
                    } else {
                        sb.append((char) cp);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
