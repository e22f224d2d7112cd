package io.modelcatalog.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.modelcatalog.documents.TomlStrings.Style;
import java.util.List;
import org.junit.jupiter.api.Test;

class TomlStringsTest {

    private static final TomlMapper TOML = new TomlMapper();

    /** The only difference between the styles: how a tab and the other control characters are spelled. */
    @Test
    void theLegacyStyleDiffersInTabsAndControlCharactersOnly() {
        String s = "a\tb\u001bc\u007f";
        assertEquals("\"a\\tb\\u001Bc\\u007F\"", TomlStrings.basic(s, Style.ESCAPED));
        assertEquals("\"a\tb\\u001bc\\u007f\"", TomlStrings.basic(s, Style.TOMLI_W));
        String common = "say \"hi\" \\ \b\n\f\r caf\u00e9 \u4e2d";
        String expected = "\"say \\\"hi\\\" \\\\ \\b\\n\\f\\r caf\u00e9 \u4e2d\"";
        assertEquals(expected, TomlStrings.basic(common, Style.ESCAPED));
        assertEquals(expected, TomlStrings.basic(common, Style.TOMLI_W));
    }

    @Test
    void bothStylesReadBackAsTheSameString() throws Exception {
        for (String s : List.of("plain", "a\tb", "x\u0001y\u001f\u007f", "q\"b\\e\b\f\n\r", "caf\u00e9", "")) {
            for (Style style : Style.values()) {
                String doc = "k = " + TomlStrings.basic(s, style) + "\n";
                assertEquals(s, TOML.readTree(doc).get("k").asText(), style + ": " + doc);
            }
        }
    }

    @Test
    void keysAreBareOnlyWhenTomlAllows() throws Exception {
        for (Style style : Style.values()) {
            assertEquals("openai-catalog_2", TomlStrings.key("openai-catalog_2", style));
            assertEquals("\"\"", TomlStrings.key("", style));
            assertEquals("\"a.b\"", TomlStrings.key("a.b", style));
            assertEquals("\"caf\u00e9\"", TomlStrings.key("caf\u00e9", style));
            String doc = "[t." + TomlStrings.key("a.b c", style) + "]\nv = 1\n";
            assertEquals(1, TOML.readTree(doc).get("t").get("a.b c").get("v").asInt(), doc);
        }
        assertEquals("\"a\tb\"", TomlStrings.key("a\tb", Style.TOMLI_W));
        assertEquals("\"a\\tb\"", TomlStrings.key("a\tb", Style.ESCAPED));
    }
}
