package io.modelcatalog.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a tree exactly as Python's {@code json.dump(obj, f, indent=2)} does (with its default
 * {@code ensure_ascii=True}): two-space indent, {@code "key": value}, {@code ,} at line end, {@code []} and
 * {@code {}} for empty containers, no trailing newline; every character outside 0x20..0x7E escaped
 * ({@code \"} {@code \\} {@code \n} {@code \r} {@code \t} {@code \b} {@code \f} or {@code \}{@code uXXXX} in
 * lowercase hex, characters above U+FFFF as their surrogate pair); integers digit for digit, doubles as
 * {@link PythonFloatRepr}, {@code Infinity}/{@code -Infinity}/{@code NaN}.
 *
 * <p>The output is pure ASCII, so it is streamed straight into a byte buffer: no intermediate strings per
 * document, no regular expressions. This is the project's one hand-written JSON writer; it exists because no
 * library reproduces Python's byte layout.
 */
public final class PythonJsonWriter {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] INFINITY = {'I', 'n', 'f', 'i', 'n', 'i', 't', 'y'};
    private static final byte[] NEG_INFINITY = {'-', 'I', 'n', 'f', 'i', 'n', 'i', 't', 'y'};
    private static final byte[] NAN = {'N', 'a', 'N'};

    /** For each ASCII char: 0 = written as is, 1 = \\uXXXX, else the letter after the backslash. */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 1;
        }
        ESCAPES[0x7F] = 1;
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\n'] = 'n';
        ESCAPES['\r'] = 'r';
        ESCAPES['\t'] = 't';
        ESCAPES['\b'] = 'b';
        ESCAPES['\f'] = 'f';
    }

    private PythonJsonWriter() {}

    /** The bytes of {@code json.dumps(node, indent=2)} (ASCII). */
    public static byte[] toBytes(JsonNode node) {
        Sink sink = new Sink(null, 8192);
        sink.value(node, 0);
        return Arrays.copyOf(sink.buf, sink.pos);
    }

    /** Writes the bytes of {@code json.dump(node, out, indent=2)}; does not close {@code out}. */
    public static void write(JsonNode node, OutputStream out) throws IOException {
        Sink sink = new Sink(out, 1 << 16);
        try {
            sink.value(node, 0);
            sink.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A growable byte buffer that, when it has a stream, empties itself into it instead of growing. */
    private static final class Sink {
        private final OutputStream out;
        byte[] buf;
        int pos;

        Sink(OutputStream out, int size) {
            this.out = out;
            this.buf = new byte[size];
        }

        private void ensure(int n) {
            if (pos + n <= buf.length) {
                return;
            }
            if (out != null) {
                flush();
                if (n <= buf.length) {
                    return;
                }
            }
            int size = buf.length;
            while (size < pos + n) {
                size = size > (Integer.MAX_VALUE >> 1) - 16 ? Integer.MAX_VALUE - 16 : size << 1;
                if (size == Integer.MAX_VALUE - 16 && size < pos + n) {
                    throw new OutOfMemoryError("JSON document too large for one buffer");
                }
            }
            buf = Arrays.copyOf(buf, size);
        }

        void flush() {
            if (out != null && pos > 0) {
                try {
                    out.write(buf, 0, pos);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                pos = 0;
            }
        }

        private void raw(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
        }

        private void newline(int level) {
            int n = 1 + 2 * level;
            ensure(n);
            byte[] b = buf;
            int p = pos;
            b[p++] = '\n';
            for (int i = 2 * level; i > 0; i--) {
                b[p++] = ' ';
            }
            pos = p;
        }

        void value(JsonNode node, int level) {
            switch (node.getNodeType()) {
                case OBJECT -> object(node, level);
                case ARRAY -> array(node, level);
                case STRING -> string(node.textValue());
                case NUMBER -> number(node);
                case BOOLEAN -> raw(node.booleanValue() ? TRUE : FALSE);
                case NULL, MISSING -> raw(NULL);
                // POJO or binary nodes never come from a parsed document; write their text as a string
                default -> string(node.asText());
            }
        }

        private void object(JsonNode node, int level) {
            if (node.isEmpty()) {
                ensure(2);
                buf[pos++] = '{';
                buf[pos++] = '}';
                return;
            }
            ensure(1);
            buf[pos++] = '{';
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            boolean first = true;
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!first) {
                    ensure(1);
                    buf[pos++] = ',';
                }
                first = false;
                newline(level + 1);
                string(e.getKey());
                ensure(2);
                buf[pos++] = ':';
                buf[pos++] = ' ';
                value(e.getValue(), level + 1);
            }
            newline(level);
            ensure(1);
            buf[pos++] = '}';
        }

        private void array(JsonNode node, int level) {
            int size = node.size();
            if (size == 0) {
                ensure(2);
                buf[pos++] = '[';
                buf[pos++] = ']';
                return;
            }
            ensure(1);
            buf[pos++] = '[';
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    ensure(1);
                    buf[pos++] = ',';
                }
                newline(level + 1);
                value(node.get(i), level + 1);
            }
            newline(level);
            ensure(1);
            buf[pos++] = ']';
        }

        private void string(String s) {
            int len = s.length();
            ensure(2 + len * 6);
            byte[] b = buf;
            int p = pos;
            b[p++] = '"';
            for (int i = 0; i < len; i++) {
                char c = s.charAt(i);
                if (c < 128) {
                    byte esc = ESCAPES[c];
                    if (esc == 0) {
                        b[p++] = (byte) c;
                    } else if (esc == 1) {
                        p = unicodeEscape(b, p, c);
                    } else {
                        b[p++] = '\\';
                        b[p++] = esc;
                    }
                } else {
                    // surrogate halves are separate chars already, as Python writes them
                    p = unicodeEscape(b, p, c);
                }
            }
            b[p++] = '"';
            pos = p;
        }

        private static int unicodeEscape(byte[] b, int p, char c) {
            b[p++] = '\\';
            b[p++] = 'u';
            b[p++] = HEX[(c >> 12) & 0xF];
            b[p++] = HEX[(c >> 8) & 0xF];
            b[p++] = HEX[(c >> 4) & 0xF];
            b[p++] = HEX[c & 0xF];
            return p;
        }

        private void number(JsonNode node) {
            switch (node.numberType()) {
                case INT, LONG -> longValue(node.longValue());
                case BIG_INTEGER -> ascii(node.bigIntegerValue().toString());
                default -> doubleValue(node.doubleValue());
            }
        }

        private void doubleValue(double d) {
            if (Double.isNaN(d)) {
                raw(NAN);
            } else if (d == Double.POSITIVE_INFINITY) {
                raw(INFINITY);
            } else if (d == Double.NEGATIVE_INFINITY) {
                raw(NEG_INFINITY);
            } else {
                StringBuilder sb = new StringBuilder(26);
                PythonFloatRepr.appendRepr(d, sb);
                ascii(sb);
            }
        }

        private void ascii(CharSequence s) {
            int len = s.length();
            ensure(len);
            for (int i = 0; i < len; i++) {
                buf[pos++] = (byte) s.charAt(i);
            }
        }

        private void longValue(long v) {
            if (v == Long.MIN_VALUE) {
                ascii("-9223372036854775808");
                return;
            }
            ensure(20);
            if (v < 0) {
                buf[pos++] = '-';
                v = -v;
            }
            int digits = 1;
            for (long t = v; t >= 10; t /= 10) {
                digits++;
            }
            int p = pos + digits;
            pos = p;
            do {
                buf[--p] = (byte) ('0' + (v % 10));
                v /= 10;
            } while (v != 0);
        }
    }
}
