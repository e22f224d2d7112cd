package io.modelcatalog.legacy;

import static io.modelcatalog.legacy.LegacyCorpusTest.assertBytes;
import static io.modelcatalog.legacy.LegacyCorpusTest.resource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.documents.ModelList;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link PythonJsonWriter} against python3: each {@code legacy-writers/json/<case>.in.json} is a provider body,
 * {@code <case>.out.json} what {@code json.dump(sorted, f, indent=2)} wrote for it (see
 * {@code gen-json-cases.py}). The cases cover escapes (control characters, DEL, non-ASCII, astral and lone
 * surrogates, empty key), every double shape (exponent boundaries, -0.0, Infinity/NaN literals and overflowing
 * literals like 1e400), integers beyond 64 bits, the three document shapes, missing/empty/duplicate ids,
 * duplicate keys, empty containers and a scalar document.
 */
class PythonJsonWriterTest {

    private static final String DIR = "/legacy-writers/json/";

    @TestFactory
    Stream<DynamicTest> pythonCases() {
        String list = new String(resource(DIR + "cases.txt"), StandardCharsets.US_ASCII);
        return list.lines()
                .filter(l -> !l.isBlank())
                .map(name -> DynamicTest.dynamicTest(name, () -> {
                    JsonNode raw = JsonDocuments.parse(resource(DIR + name + ".in.json"), name);
                    JsonNode sorted = ModelList.of(raw).document();
                    byte[] expected = resource(DIR + name + ".out.json");
                    assertBytes(expected, PythonJsonWriter.toBytes(sorted), name);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    PythonJsonWriter.write(sorted, out);
                    assertBytes(expected, out.toByteArray(), name + " (stream)");
                }));
    }

    private static String json(JsonNode node) {
        return new String(PythonJsonWriter.toBytes(node), StandardCharsets.US_ASCII);
    }

    @Test
    void scalarsAndEmptyContainers() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        assertEquals("null", json(f.nullNode()));
        assertEquals("true", json(f.booleanNode(true)));
        assertEquals("false", json(f.booleanNode(false)));
        assertEquals("{}", json(f.objectNode()));
        assertEquals("[]", json(f.arrayNode()));
        assertEquals("\"\"", json(f.textNode("")));
        assertEquals("-9223372036854775808", json(f.numberNode(Long.MIN_VALUE)));
        assertEquals("-2147483648", json(f.numberNode(Integer.MIN_VALUE)));
        assertEquals("0", json(f.numberNode(0)));
        assertEquals(
                "-123456789012345678901234567890",
                json(f.numberNode(new BigInteger("-123456789012345678901234567890"))));
        assertEquals("Infinity", json(f.numberNode(Double.POSITIVE_INFINITY)));
        assertEquals("-Infinity", json(f.numberNode(Double.NEGATIVE_INFINITY)));
        assertEquals("NaN", json(f.numberNode(Double.NaN)));
        assertEquals("-0.0", json(f.numberNode(-0.0)));
        assertEquals("1e-06", json(f.numberNode(0.000001)));
        // nodes a parser never makes are still written as Python would see the number
        assertEquals("0.1", json(f.numberNode(new BigDecimal("0.1"))));
        assertEquals("7", json(f.numberNode((short) 7)));
    }

    @Test
    void nestedLayout() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.putArray("a").add(1).addObject().put("b", "c");
        o.putObject("e");
        assertEquals("{\n  \"a\": [\n    1,\n    {\n      \"b\": \"c\"\n    }\n  ],\n  \"e\": {}\n}", json(o));
    }

    @Test
    void everyCharacterOfTheBasicPlaneEscapedAsPython() {
        // expected built from the rule: printable ASCII as is except " and \, short escapes, else \\uXXXX
        StringBuilder in = new StringBuilder();
        StringBuilder expected = new StringBuilder("\"");
        for (int c = 0; c <= 0xFFFF; c++) {
            in.append((char) c);
            switch (c) {
                case '"' -> expected.append("\\\"");
                case '\\' -> expected.append("\\\\");
                case '\n' -> expected.append("\\n");
                case '\r' -> expected.append("\\r");
                case '\t' -> expected.append("\\t");
                case '\b' -> expected.append("\\b");
                case '\f' -> expected.append("\\f");
                default -> {
                    if (c >= 0x20 && c <= 0x7E) {
                        expected.append((char) c);
                    } else {
                        expected.append(String.format("\\u%04x", c));
                    }
                }
            }
        }
        expected.append('"');
        assertEquals(expected.toString(), json(JsonNodeFactory.instance.textNode(in.toString())));
    }

    @Test
    void streamingLargeDocumentEqualsBufferedAndFlushesInChunks() throws IOException {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            big.append("\u00e9x\"");
        }
        o.put("big", big.toString());
        for (int i = 0; i < 20_000; i++) {
            o.putArray("k" + i).add(i).add(i * 0.5).add("v" + i);
        }
        byte[] buffered = PythonJsonWriter.toBytes(o);
        int[] writes = {0};
        ByteArrayOutputStream collected = new ByteArrayOutputStream();
        PythonJsonWriter.write(o, new OutputStream() {
            @Override
            public void write(int b) {
                collected.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes[0]++;
                collected.write(b, off, len);
            }
        });
        assertArrayEquals(buffered, collected.toByteArray());
        assertEquals(true, writes[0] > 1, "streamed in chunks");
    }

    @Test
    void streamErrorsPropagateAsIOException() {
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        };
        IOException e = assertThrows(
                IOException.class, () -> PythonJsonWriter.write(JsonNodeFactory.instance.textNode("x"), failing));
        assertEquals("disk full", e.getMessage());
    }
}
