package io.modelcatalog.legacy;

import java.util.Locale;

/** The legacy TOML's profile names: {@code <first 3 chars of provider>_<sanitized id>}. */
public final class LegacyProfileNames {

    private static final int MAX_ID_PART = 20;

    private LegacyProfileNames() {}

    /**
     * The first 3 characters of the provider name, {@code _}, then the id with {@code /}, {@code -} and
     * {@code .} replaced by {@code _}, every character that is not an ASCII letter, digit or {@code _} removed,
     * lowercased, cut to 20 characters. Different ids can give one name; the legacy format then keeps one table.
     */
    public static String profileName(String provider, String id) {
        String prefix = provider.length() <= 3 ? provider : provider.substring(0, 3);
        StringBuilder sb = new StringBuilder(Math.min(id.length(), 64));
        for (int i = 0; i < id.length() && sb.length() < MAX_ID_PART; i++) {
            char c = id.charAt(i);
            if (c == '/' || c == '-' || c == '.') {
                sb.append('_');
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
                sb.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                sb.append((char) (c + ('a' - 'A')));
            }
        }
        return prefix + "_" + sb.toString().toLowerCase(Locale.ROOT);
    }
}
