package io.modelcatalog.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modelcatalog.legacy.PythonJsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link ResponseText} and {@link JsonDocuments} against the legacy tool's HTTP client: {@code
 * legacy-writers/response-text/} holds bodies, each with the {@code Content-Type} it was served with, and what
 * httpx's {@code Response.json()} made of them ({@code gen-response-text.py}): byte-order marks dropped or refused,
 * UTF-16 and UTF-32 read, ill-formed UTF-8 failing or replaced by U+FFFD where a charset is declared or the body
 * has 3 bytes or fewer. Found by the legacy differential test (Jackson let overlong forms through).
 */
class ResponseTextTest {

    private static final String DIR = "/legacy-writers/response-text/";

    @TestFactory
    Stream<DynamicTest> pythonCases() {
        String index = new String(resource(DIR + "cases.txt"), StandardCharsets.UTF_8);
        return index.lines().filter(l -> !l.isBlank()).map(line -> {
            String[] f = line.split("\\|", 3);
            String name = f[0];
            String contentType = f[1];
            boolean ok = f[2].equals("ok");
            return DynamicTest.dynamicTest(name + " (" + f[2] + ")", () -> {
                byte[] body = resource(DIR + name + ".body");
                if (ok) {
                    ResponseText.Utf8 text = ResponseText.decode(body, body.length, contentType, name);
                    assertArrayEquals(
                            resource(DIR + name + ".out.json"),
                            PythonJsonWriter.toBytes(JsonDocuments.parse(text.bytes(), text.length(), name)),
                            name);
                } else {
                    assertThrows(DocumentParseException.class, () -> {
                        ResponseText.Utf8 text = ResponseText.decode(body, body.length, contentType, name);
                        JsonDocuments.parse(text.bytes(), text.length(), name);
                    });
                }
            });
        });
    }

    @Test
    void strictUtf8WithoutBomIsParsedInPlace() {
        byte[] body = "{\"data\": []}   ".getBytes(StandardCharsets.UTF_8);
        ResponseText.Utf8 text = ResponseText.decode(body, body.length - 3, null, "b");
        assertSame(body, text.bytes());
        assertEquals(body.length - 3, text.length());
    }

    @Test
    void illFormedUtf8IsNamedWithLineAndColumn() {
        byte[] body = "{\"data\": [\n {\"id\": \"x\u0000\"}]}".getBytes(StandardCharsets.UTF_8);
        body[body.length - 5] = (byte) 0xc0;
        DocumentParseException e =
                assertThrows(DocumentParseException.class, () -> ResponseText.decode(body, body.length, null, "p"));
        assertEquals(2, e.line());
        assertEquals(11, e.column());
        assertEquals("byte 0xc0 at offset 21 is not valid UTF-8 (the legacy tool failed on it too)", e.reason());
    }

    @Test
    void filesAreStrictUtf8() {
        for (byte[] bad : new byte[][] {
            {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '[', ']'},
            {'[', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', ']'},
            {'[', '"', (byte) 0xc0, (byte) 0x80, '"', ']'},
            {'[', '"', (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"', ']'},
            {0, '[', ']'}
        }) {
            assertThrows(DocumentParseException.class, () -> JsonDocuments.parse(bad, "file"));
        }
    }

    @Test
    void charsetParameter() {
        assertEquals("utf-8", ResponseText.charset("application/json; charset=UTF-8"));
        assertEquals("utf-8", ResponseText.charset("application/json;charset=\"utf-8\""));
        assertEquals("utf-8", ResponseText.charset("application/json; q=1; Charset = utf-8 "));
        assertNull(ResponseText.charset("application/json"));
        assertNull(ResponseText.charset(null));
    }

    private static byte[] resource(String name) {
        try (InputStream in = ResponseTextTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
