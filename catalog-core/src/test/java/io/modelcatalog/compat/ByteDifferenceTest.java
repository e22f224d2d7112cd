package io.modelcatalog.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Where and how two files of the same data first differ. */
class ByteDifferenceTest {

    private static String describe(String reference, String output) {
        return ByteDifference.describe(
                reference.getBytes(StandardCharsets.UTF_8), output.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void kindsOfFormatting() {
        assertEquals(
                "line 2, column 3 (whitespace or indentation): reference `  \"a\": 1`, output `    \"a\": 1`",
                describe("{\n  \"a\": 1\n}", "{\n    \"a\": 1\n}"));
        assertEquals(
                "line 1, column 8 (number notation): reference `{\"a\": 1e-06}`, output `{\"a\": 1.0E-6}`",
                describe("{\"a\": 1e-06}", "{\"a\": 1.0E-6}"));
        assertEquals(
                "line 1, column 11 (string escaping): reference `{\"a\": \"caf\\u00e9\"}`, output `{\"a\": \"caf\u00e9\"}`",
                describe("{\"a\": \"caf\\u00e9\"}", "{\"a\": \"caf\u00e9\"}"));
        assertEquals("line 1, column 2 (line endings): reference `a\\n`, output `a\\r\\n`", describe("a\nb", "a\r\nb"));
        assertEquals(
                "line 1, column 2 (trailing whitespace or newline: the output has 1 more byte): reference `a` "
                        + "(end of file), output `a\\n`",
                describe("a", "a\n"));
        assertEquals(
                "line 1, column 2 (end of file: the reference has 2 more bytes): reference `a\\n`, output `a` "
                        + "(end of file)",
                describe("a\nb", "a"));
    }

    @Test
    void columnsCountCharactersAndLongLinesAreCutByBytes() {
        // 40 two-byte characters before the difference: column 41, and 30 bytes (15 characters) of context
        String prefix = "\u00e9".repeat(40);
        String d = describe(prefix + "x" + "y".repeat(100), prefix + "z" + "y".repeat(100));
        assertEquals(
                "line 1, column 41 (layout): reference ...`" + "\u00e9".repeat(15) + "x" + "y".repeat(29) + "`..., "
                        + "output ...`" + "\u00e9".repeat(15) + "z" + "y".repeat(29) + "`...",
                d);
    }

    @Test
    void identicalFilesHaveNoDifference() {
        assertThrows(IllegalArgumentException.class, () -> describe("same", "same"));
    }
}
