package io.modelcatalog.documents;

import java.util.Comparator;

/**
 * Orders strings by Unicode code point, as Python compares {@code str}. {@link String#compareTo} compares
 * UTF-16 units, which puts astral characters (surrogate pairs) before U+E000..U+FFFF: wrong here.
 */
public final class CodePointOrder implements Comparator<String> {
    public static final CodePointOrder INSTANCE = new CodePointOrder();

    private CodePointOrder() {}

    @Override
    public int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                // surrogates (D800..DFFF) encode code points above every BMP character
                boolean sa = Character.isSurrogate(ca);
                boolean sb = Character.isSurrogate(cb);
                if (sa != sb) {
                    return sa ? 1 : -1;
                }
                return ca - cb;
            }
        }
        return a.length() - b.length();
    }
}
