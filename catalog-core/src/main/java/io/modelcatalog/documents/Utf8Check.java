package io.modelcatalog.documents;

/**
 * Strict UTF-8 (Unicode's well-formed byte sequences, as Python's decoder): no overlong forms, no encoded
 * surrogates, nothing above U+10FFFF, no cut sequences. Jackson's byte parser lets some of those through.
 */
final class Utf8Check {

    private Utf8Check() {}

    /** The offset of the first byte that does not start a well-formed sequence there, or -1. */
    static int firstInvalid(byte[] b, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end; ) {
            int n = wellFormed(b, i, end);
            if (n <= 0) {
                return i;
            }
            i += n;
        }
        return -1;
    }

    /**
     * The text of UTF-8 bytes with each ill-formed part replaced by U+FFFD the way Python's {@code
     * decode("utf-8", "replace")} does (one U+FFFD per maximal subpart: the longest start of a well-formed
     * sequence, or a single byte); Java's decoder replaces some parts (an encoded surrogate) as a whole.
     */
    static String decodeReplacing(byte[] b, int offset, int length) {
        int end = offset + length;
        StringBuilder sb = new StringBuilder(length);
        int i = offset;
        while (i < end) {
            int n = wellFormed(b, i, end);
            if (n > 0) {
                sb.append(new String(b, i, n, java.nio.charset.StandardCharsets.UTF_8));
                i += n;
            } else {
                sb.append('\ufffd');
                i += Math.max(1, -n);
            }
        }
        return sb.toString();
    }

    /**
     * The length of the well-formed sequence at {@code i}; or, when there is none, minus the length of its
     * maximal subpart (0 or -1 for a byte that starts nothing).
     */
    private static int wellFormed(byte[] b, int i, int end) {
        int c = b[i] & 0xff;
        if (c < 0x80) {
            return 1;
        }
        int n;
        int lo = 0x80;
        int hi = 0xbf;
        if (c >= 0xc2 && c <= 0xdf) {
            n = 1;
        } else if (c >= 0xe0 && c <= 0xef) {
            n = 2;
            if (c == 0xe0) {
                lo = 0xa0;
            } else if (c == 0xed) {
                hi = 0x9f;
            }
        } else if (c >= 0xf0 && c <= 0xf4) {
            n = 3;
            if (c == 0xf0) {
                lo = 0x90;
            } else if (c == 0xf4) {
                hi = 0x8f;
            }
        } else {
            return -1;
        }
        for (int k = 1; k <= n; k++) {
            if (i + k >= end) {
                return -k;
            }
            int cont = b[i + k] & 0xff;
            if (k == 1 ? cont < lo || cont > hi : cont < 0x80 || cont > 0xbf) {
                return -k;
            }
        }
        return n + 1;
    }
}
