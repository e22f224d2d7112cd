package io.modelcatalog.configediting;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A config file's text with what editing must keep: a UTF-8 byte order mark (held apart, so parsers never see
 * it), the line ending new lines get (the file's first one; {@code \n} for a file without any), and whether the
 * file ends with a line break. Lines are 0-based here; line breaks are {@code \n}, {@code \r\n} and a lone
 * {@code \r}, as YAML counts them. Parser positions count code points within a line, which
 * {@link #offset(int, int)} turns into this text's {@code char} offsets (an emoji is one code point, two chars).
 */
public final class ConfigText {

    private static final String BOM = "\uFEFF";

    private final Path file;
    private final boolean bom;
    private final String text;
    private final String lineEnding;
    private final int[] lineStarts;

    private ConfigText(Path file, boolean bom, String text) {
        this.file = file;
        this.bom = bom;
        this.text = text;
        this.lineStarts = lineStarts(text);
        this.lineEnding = firstLineEnding(text);
    }

    /**
     * Decodes a file's bytes (strict UTF-8: a file in another encoding is an error, never silently mangled). The error
     * names the line and column of the first byte that is not UTF-8, and the byte.
     */
    public static ConfigText decode(Path file, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw notUtf8(file, bytes, in.position());
        }
        out.flip();
        String decoded = out.toString();
        boolean bom = decoded.startsWith(BOM);
        return new ConfigText(file, bom, bom ? decoded.substring(1) : decoded);
    }

    /** The error for a byte that does not decode, at its 1-based line and column (in characters). */
    private static ConfigEditException notUtf8(Path file, byte[] bytes, int offset) {
        int lineStart = 0;
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // the bytes before it on its line did decode
        String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
        int column = before.codePointCount(0, before.length()) + 1;
        return new ConfigEditException(
                file,
                line,
                column,
                String.format(
                        "is not UTF-8 text (byte 0x%02X there starts no valid UTF-8 character)", bytes[offset] & 0xFF),
                "save it as UTF-8 (the encoding the tool itself reads), or fix that character");
    }

    /** The text of a file that does not exist yet: empty, {@code \n} line endings, no BOM. */
    public static ConfigText empty(Path file) {
        return new ConfigText(file, false, "");
    }

    /** Another text of the same file, keeping this one's BOM (for re-parsing an edited text). */
    public ConfigText withText(String newText) {
        return new ConfigText(file, bom, newText);
    }

    /** The bytes of {@code newText} as this file would hold them: UTF-8, with the BOM if the file had one. */
    public byte[] encode(String newText) {
        return ((bom ? BOM : "") + newText).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] bytes() {
        return encode(text);
    }

    public Path file() {
        return file;
    }

    /** The text without the BOM. */
    public String text() {
        return text;
    }

    public boolean hasBom() {
        return bom;
    }

    /** {@code \n} or {@code \r\n} (or {@code \r}): what the file's first line break is. */
    public String lineEnding() {
        return lineEnding;
    }

    public boolean endsWithLineBreak() {
        return !text.isEmpty() && (text.endsWith("\n") || text.endsWith("\r"));
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** The offset of a 0-based line's first char. */
    public int lineStart(int line) {
        return lineStarts[line];
    }

    /** The offset just after a line's content (before its line break). */
    public int lineContentEnd(int line) {
        int end = lineEndWithBreak(line);
        if (end > lineStarts[line] && text.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > lineStarts[line] && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    /** The offset just after a line's line break (the next line's start, or the text's end). */
    public int lineEndWithBreak(int line) {
        return line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length();
    }

    /** The 0-based line holding an offset. */
    public int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i : -i - 2;
    }

    /** A parser position (0-based line, column in code points) as a char offset into {@link #text()}. */
    public int offset(int line, int codePointColumn) {
        if (line >= lineStarts.length) {
            return text.length();
        }
        int start = lineStarts[line];
        int limit = lineContentEnd(line);
        int available = text.codePointCount(start, limit);
        if (codePointColumn > available) {
            // a position past the content (at the line break) is the end of the line's content plus the rest
            return Math.min(text.length(), limit + (codePointColumn - available));
        }
        return text.offsetByCodePoints(start, codePointColumn);
    }

    /** The 1-based column of an offset, counted in code points as editors and parsers do. */
    public int column(int offset) {
        int line = lineOf(offset);
        return text.codePointCount(lineStarts[line], offset) + 1;
    }

    /** The number of leading spaces of a line. */
    public int indentation(int line) {
        int i = lineStarts[line];
        int end = lineContentEnd(line);
        int n = 0;
        while (i + n < end && text.charAt(i + n) == ' ') {
            n++;
        }
        return n;
    }

    /** Whether a line holds only spaces and tabs. */
    public boolean isBlank(int line) {
        return text.substring(lineStarts[line], lineContentEnd(line)).isBlank();
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean breakEnds = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (breakEnds && i + 1 < text.length()) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    private static String firstLineEnding(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return "\n";
            }
            if (c == '\r') {
                return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "\r\n" : "\r";
            }
        }
        return "\n";
    }
}
