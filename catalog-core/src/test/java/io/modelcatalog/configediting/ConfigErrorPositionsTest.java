package io.modelcatalog.configediting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Files that are not text, or nest without end: the error still says where, as for any other parse error. */
class ConfigErrorPositionsTest {

    static final Path FILE = Path.of("/home/me/.config/aichat/config.yaml");

    static byte[] bytes(String before, byte[] odd, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(odd);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void invalidUtf8NamesLineColumnAndByte() {
        // "é" before it on the same line counts as one column, as the tool's editor shows it
        byte[] latin1 = bytes("clients:\n  - name: é", new byte[] {(byte) 0xE9}, "x\n");

        ConfigEditException e = assertThrows(ConfigEditException.class, () -> ConfigText.decode(FILE, latin1));

        assertEquals(2, e.line());
        assertEquals(12, e.column());
        assertTrue(
                e.getMessage()
                        .startsWith(FILE + ", line 2, column 12: is not UTF-8 text (byte 0xE9 there starts no valid"
                                + " UTF-8 character)"),
                e.getMessage());
    }

    @Test
    void aTruncatedCharacterAtTheEndIsFoundToo() {
        byte[] cut = bytes("a: 1\nb: ", new byte[] {(byte) 0xE2, (byte) 0x82}, "");

        ConfigEditException e = assertThrows(ConfigEditException.class, () -> ConfigText.decode(FILE, cut));

        assertEquals(2, e.line());
        assertEquals(4, e.column());
    }

    @Test
    void aNulByteNamesLineAndColumn() {
        ConfigText text = ConfigText.decode(FILE, bytes("clients:\n  - name: x", new byte[] {0}, "y\n"));

        ConfigEditException e = assertThrows(ConfigEditException.class, () -> YamlDocument.parse(text));

        assertEquals(2, e.line());
        assertEquals(12, e.column());
        assertTrue(e.getMessage().contains("the character U+0000, which YAML does not allow"), e.getMessage());
    }

    @Test
    void yamlNestedWithoutEndIsRefusedWhereItGoesTooDeepNotWithAStackOverflow() {
        String deep = "clients:\n  - a: " + "[".repeat(3000) + "]".repeat(3000) + "\n";
        ConfigText text = ConfigText.decode(FILE, deep.getBytes(StandardCharsets.UTF_8));

        ConfigEditException e = assertThrows(ConfigEditException.class, () -> YamlDocument.parse(text));

        // the mapping, the list and its item mapping are three levels; the 498th bracket is the 501st level
        assertEquals(2, e.line());
        assertEquals(8 + 497, e.column());
        assertTrue(e.getMessage().contains("nests lists and mappings more than 500 deep"), e.getMessage());
    }

    @Test
    void jsonNestedBeyondTheParsersLimitHasARealPosition() {
        String deep = "{\n  \"provider\": " + "[".repeat(2000) + "]".repeat(2000) + "\n}\n";
        ConfigText text = ConfigText.decode(Path.of("opencode.json"), deep.getBytes(StandardCharsets.UTF_8));

        ConfigEditException e = assertThrows(ConfigEditException.class, () -> JsonDocument.parse(text));

        assertEquals(2, e.line(), e.getMessage());
        assertTrue(e.column() > 1000, e.getMessage());
        assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
    }
}
