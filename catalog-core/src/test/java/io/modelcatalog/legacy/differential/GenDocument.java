package io.modelcatalog.legacy.differential;

import java.nio.charset.StandardCharsets;

/**
 * One generated provider response: a JSON tree with its spelling and whitespace, or raw bytes (a document that is
 * not valid JSON, or valid JSON in another encoding or with a byte-order mark).
 *
 * @param root    the tree, or null for a raw body
 * @param spacing whitespace of the tree
 * @param raw     the body when there is no tree
 * @param what    a short description of a raw body (for reports)
 * @param charset the {@code charset} parameter the server sends with {@code application/json}, or null for none
 */
record GenDocument(GenValue root, GenValue.Spacing spacing, byte[] raw, String what, String charset) {

    static GenDocument of(GenValue root, GenValue.Spacing spacing) {
        return new GenDocument(root, spacing, null, null, null);
    }

    static GenDocument raw(byte[] body, String what) {
        return new GenDocument(null, null, body, what, null);
    }

    GenDocument withRoot(GenValue newRoot) {
        return new GenDocument(newRoot, spacing, null, null, charset);
    }

    GenDocument withCharset(String value) {
        return new GenDocument(root, spacing, raw, what, value);
    }

    GenDocument withRaw(byte[] body) {
        return new GenDocument(null, null, body, what, charset);
    }

    String contentType() {
        return charset == null ? "application/json" : "application/json; charset=" + charset;
    }

    byte[] body() {
        return raw != null ? raw.clone() : GenValue.render(root, spacing).getBytes(StandardCharsets.UTF_8);
    }

    /** The body for a report: the text itself (UTF-8), or the raw bytes in hex when they are not plain UTF-8 text. */
    String show() {
        String served = charset == null ? "" : "(served with charset=" + charset + ") ";
        if (raw == null) {
            return served + GenValue.render(root, spacing);
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < raw.length && i < 4000; i++) {
            hex.append(String.format("%02x", raw[i] & 0xff));
        }
        return served + what + " (" + raw.length + " bytes, hex): " + hex + (raw.length > 4000 ? "..." : "");
    }
}
