package io.modelcatalog.documents;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * The text of a model-list response as the legacy tool read it: its HTTP client (httpx 0.23,
 * {@code Response.json()}) decodes the body before {@code json.loads}, and the rules decide whether a body fails,
 * loses a byte-order mark or gets U+FFFD for bad bytes:
 *
 * <ul>
 *   <li>with a {@code charset} in {@code Content-Type}: that charset (UTF-8 when unknown), bad bytes replaced by
 *       U+FFFD, a byte-order mark kept (and then refused by the JSON parser);
 *   <li>without, for a body of more than 3 bytes, the encoding guessed from its first 4 bytes: a UTF-32, UTF-8 or
 *       UTF-16 byte-order mark (dropped), else the pattern of NUL bytes (UTF-8, UTF-16 BE/LE, UTF-32 BE/LE); bad
 *       bytes fail;
 *   <li>otherwise (3 bytes or fewer, or NULs in no known pattern): UTF-8, bad bytes replaced.
 * </ul>
 *
 * <p>The result is UTF-8 for {@link JsonDocuments#parse}: the body itself when it already is strict UTF-8 without a
 * byte-order mark (the usual case, checked without copying), else the decoded text encoded again.
 */
public final class ResponseText {

    /** UTF-8 bytes: the first {@code length} of {@code bytes}. */
    public record Utf8(byte[] bytes, int length) {}

    private ResponseText() {}

    /**
     * @param buffer      the body (possibly a larger buffer)
     * @param length      the body's length
     * @param contentType the {@code Content-Type} header, or null
     * @param source      what the body is, for messages
     * @throws DocumentParseException when the guessed encoding does not fit the bytes
     */
    public static Utf8 decode(byte[] buffer, int length, String contentType, String source) {
        String charset = charset(contentType);
        if (charset == null && length > 3) {
            int b0 = buffer[0] & 0xff;
            int b1 = buffer[1] & 0xff;
            int b2 = buffer[2] & 0xff;
            int b3 = buffer[3] & 0xff;
            if ((b0 == 0xff && b1 == 0xfe && b2 == 0 && b3 == 0) || (b0 == 0 && b1 == 0 && b2 == 0xfe && b3 == 0xff)) {
                return strict(buffer, 4, length - 4, b0 == 0xff ? "UTF-32LE" : "UTF-32BE", source);
            }
            if (b0 == 0xef && b1 == 0xbb && b2 == 0xbf) {
                return strict(buffer, 3, length - 3, "UTF-8", source);
            }
            if ((b0 == 0xff && b1 == 0xfe) || (b0 == 0xfe && b1 == 0xff)) {
                return strict(buffer, 2, length - 2, b0 == 0xff ? "UTF-16LE" : "UTF-16BE", source);
            }
            int nulls = (b0 == 0 ? 1 : 0) + (b1 == 0 ? 1 : 0) + (b2 == 0 ? 1 : 0) + (b3 == 0 ? 1 : 0);
            if (nulls == 0) {
                return strict(buffer, 0, length, "UTF-8", source);
            }
            if (nulls == 2 && b0 == 0 && b2 == 0) {
                return strict(buffer, 0, length, "UTF-16BE", source);
            }
            if (nulls == 2 && b1 == 0 && b3 == 0) {
                return strict(buffer, 0, length, "UTF-16LE", source);
            }
            if (nulls == 3 && b0 == 0 && b1 == 0 && b2 == 0) {
                return strict(buffer, 0, length, "UTF-32BE", source);
            }
            if (nulls == 3 && b1 == 0 && b2 == 0 && b3 == 0) {
                return strict(buffer, 0, length, "UTF-32LE", source);
            }
        }
        Charset cs = StandardCharsets.UTF_8;
        if (charset != null) {
            try {
                cs = Charset.forName(charset);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                // httpx falls back to UTF-8 for a charset Python does not know
            }
        }
        if (cs.equals(StandardCharsets.UTF_8)) {
            return Utf8Check.firstInvalid(buffer, 0, length) < 0
                    ? new Utf8(buffer, length) // replacing would change nothing
                    : utf8(Utf8Check.decodeReplacing(buffer, 0, length));
        }
        CharsetDecoder replacing = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith("\ufffd");
        try {
            return utf8(replacing.decode(ByteBuffer.wrap(buffer, 0, length)).toString());
        } catch (CharacterCodingException e) {
            throw new AssertionError("a replacing decoder reported " + e, e);
        }
    }

    private static Utf8 strict(byte[] buffer, int offset, int length, String charset, String source) {
        if (charset.equals("UTF-8")) {
            int bad = Utf8Check.firstInvalid(buffer, offset, length);
            if (bad >= 0) {
                throw invalid(buffer, offset, bad, "UTF-8", source);
            }
            if (offset == 0) {
                return new Utf8(buffer, length);
            }
            byte[] copy = new byte[length];
            System.arraycopy(buffer, offset, copy, 0, length);
            return new Utf8(copy, length);
        }
        CharsetDecoder decoder = Charset.forName(charset)
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(buffer, offset, length);
        try {
            return utf8(decoder.decode(in).toString());
        } catch (MalformedInputException e) {
            throw invalid(buffer, offset, in.position(), charset, source);
        } catch (CharacterCodingException e) {
            throw new DocumentParseException(source, 0, 0, "not " + charset + ": " + e.getMessage());
        }
    }

    private static Utf8 utf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new Utf8(bytes, bytes.length);
    }

    private static DocumentParseException invalid(byte[] buffer, int from, int at, String charset, String source) {
        int line = 1;
        int lineStart = from;
        for (int i = from; i < at; i++) {
            if (buffer[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new DocumentParseException(
                source,
                line,
                at - lineStart + 1,
                String.format(
                        Locale.ROOT,
                        "byte 0x%02x at offset %d is not valid %s (the legacy tool failed on it too)",
                        buffer[at] & 0xff,
                        at - from,
                        charset));
    }

    /** The {@code charset} parameter of a {@code Content-Type}, lower case, or null. */
    static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                String v = p.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v.isEmpty() ? null : v.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }
}
