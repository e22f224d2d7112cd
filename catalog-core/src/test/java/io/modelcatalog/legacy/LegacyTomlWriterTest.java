package io.modelcatalog.legacy;

import static io.modelcatalog.legacy.LegacyCorpusTest.assertBytes;
import static io.modelcatalog.legacy.LegacyCorpusTest.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.documents.ModelList;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link LegacyTomlWriter} and {@link LegacyTxtWriter} against python3: {@code legacy-writers/toml/} holds
 * bodies and the txt/toml files that {@code gen-toml-cases.py} wrote for them with Python's own truthiness and
 * {@code int()}, and tomli_w's formatting re-created (and checked byte for byte against the legacy corpus
 * first). Cases: every context-window / max-output rule (falsy values falling through, string integers
 * accepted and rejected, booleans, doubles/arrays/objects dropped after stopping the search, top_provider
 * with values, nulls, missing fields, null itself), profile-name collisions and duplicate ids, missing and
 * empty ids, escapes, an empty list with and without env_key, a provider name that needs quoting, the keyed
 * object and top-level array shapes; falsy and odd limits (top_provider's {@code false}/{@code 0}/
 * {@code ""} dropped, {@code "0"} kept, {@code -1}, doubles, nested values, 4,300-digit strings, astral digits),
 * which the legacy script itself was run on to confirm.
 */
class LegacyTomlWriterTest {

    private static final String DIR = "/legacy-writers/toml/";

    @TestFactory
    Stream<DynamicTest> pythonCases() {
        String index = new String(resource(DIR + "cases.txt"), StandardCharsets.UTF_8);
        return index.lines().filter(l -> !l.isBlank()).map(line -> {
            String[] f = line.split("\\|", -1);
            String name = f[0];
            return DynamicTest.dynamicTest(name, () -> {
                JsonNode raw = JsonDocuments.parse(resource(DIR + name + ".in.json"), name);
                ModelList list = ModelList.of(raw);
                String envKey = f[3].equals("-") ? null : f[3];
                assertBytes(resource(DIR + name + ".out.txt"), LegacyTxtWriter.toBytes(list), name + ".txt");
                assertBytes(
                        resource(DIR + name + ".out.toml"),
                        LegacyTomlWriter.toBytes(f[1], f[2], envKey, list),
                        name + ".toml");
            });
        });
    }

    private static ModelList list(String json) {
        return ModelList.of(JsonDocuments.parse(json.getBytes(StandardCharsets.UTF_8), "test"));
    }

    private static String toml(String provider, String envKey, String json) {
        return new String(
                LegacyTomlWriter.toBytes(provider, "https://x.test/v1", envKey, list(json)), StandardCharsets.UTF_8);
    }

    @Test
    void emptyListEndsWithBareProfilesTable() {
        assertEquals(
                "[model_providers.p]\nbase_url = \"https://x.test/v1\"\nname = \"p\"\nwire_api = \"chat\"\n"
                        + "env_key = \"P_KEY\"\n\n[profiles]\n",
                toml("p", "P_KEY", "{\"data\": []}"));
        assertEquals(
                "[model_providers.p]\nbase_url = \"https://x.test/v1\"\nname = \"p\"\nwire_api = \"chat\"\n"
                        + "\n[profiles]\n",
                toml("p", null, "[]"));
        assertEquals(0, LegacyTxtWriter.toBytes(list("{\"data\": [{\"id\": \"\"}]}")).length);
    }

    @Test
    void oneProfile() {
        assertEquals(
                "[model_providers.openrouter]\nbase_url = \"https://x.test/v1\"\nname = \"openrouter\"\n"
                        + "wire_api = \"chat\"\nenv_key = \"K\"\n\n[profiles.ope_org_model_v1_5]\napproval_policy = \"never\"\n"
                        + "model = \"Org/Model-v1.5\"\nmodel_provider = \"openrouter\"\nmodel_reasoning_effort = \"high\"\n"
                        + "model_context_window = 8192\nmodel_max_output_tokens = 1024\n",
                toml(
                        "openrouter",
                        "K",
                        "{\"data\": [{\"id\": \"Org/Model-v1.5\", \"context_length\": 8192,"
                                + " \"top_provider\": {\"context_length\": 8192, \"max_completion_tokens\": 1024}}]}"));
    }

    @Test
    void txtKeepsDuplicatesAndWritesUtf8WithoutTrailingNewline() {
        byte[] txt = LegacyTxtWriter.toBytes(
                list("{\"data\": [{\"id\": \"b\"}, {\"id\": \"\u00e9\"}, {\"id\": \"b\"}, {\"x\": 1}]}"));
        assertEquals("b\nb\n\u00e9", new String(txt, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'42'|42",
                "'  42 '|42",
                "'1_000'|1000",
                "'0'|0",
                "'+5'|5",
                "'-5'|-5",
                "'007'|7",
                "'-0'|0",
                "'\t\n\u000b\u000c\r 9 '|9",
                "'\u00a0\u2003\u3000 1'|1",
                "'\u0664\u0662'|42",
                "'\uff11\uff12'|12",
                "'123456789012345678901234567890'|123456789012345678901234567890"
            })
    void pythonIntAccepts(String text, String expected) {
        assertEquals(new BigInteger(expected), LegacyTomlWriter.parsePythonInt(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "1__0",
                "1.5",
                "_1",
                "1_",
                "+_1",
                "- 5",
                "+",
                "-",
                "0x10",
                "1e3",
                "abc",
                "\u001f5",
                "\u200b5",
                "4\u20032",
                "\u00bd"
            })
    void pythonIntRejects(String text) {
        assertNull(LegacyTomlWriter.parsePythonInt(text), text);
    }

    @Test
    void truthinessIsPythons() {
        for (String falsy : new String[] {"null", "false", "0", "0.0", "-0.0", "\"\"", "[]", "{}"}) {
            assertFalse(
                    LegacyTomlWriter.truthy(JsonDocuments.parse(falsy.getBytes(StandardCharsets.UTF_8), falsy)), falsy);
        }
        for (String truthy : new String[] {
            "true", "1", "-1", "0.5", "NaN", "\" \"", "\"0\"", "[0]", "{\"a\": null}", "123456789012345678901234567890"
        }) {
            assertTrue(
                    LegacyTomlWriter.truthy(JsonDocuments.parse(truthy.getBytes(StandardCharsets.UTF_8), truthy)),
                    truthy);
        }
        assertFalse(LegacyTomlWriter.truthy(null));
    }

    @Test
    void falsyLimitsAreDroppedEvenFromTopProvider() {
        // the plugin wrote 0 here where the legacy script writes nothing
        JsonNode m = JsonDocuments.parse(
                "{\"id\": \"m\", \"context_length\": 5, \"max_completion_tokens\": 6, \"top_provider\": {\"context_length\": false, \"max_completion_tokens\": 0}}"
                        .getBytes(StandardCharsets.UTF_8),
                "m");
        assertNull(LegacyTomlWriter.contextWindow(m));
        assertNull(LegacyTomlWriter.maxOutputTokens(m));
        for (String falsy : new String[] {"false", "0", "-0", "0.0", "\"\"", "[]", "{}", "null"}) {
            assertNull(LegacyTomlWriter.legacyInt(JsonDocuments.parse(falsy.getBytes(StandardCharsets.UTF_8), falsy)));
        }
        assertEquals(BigInteger.ZERO, LegacyTomlWriter.legacyInt(JsonDocuments.parse("\"0\"".getBytes(), "s")));
        assertEquals(BigInteger.ONE, LegacyTomlWriter.legacyInt(JsonDocuments.parse("true".getBytes(), "t")));
        assertEquals(BigInteger.ONE.negate(), LegacyTomlWriter.legacyInt(JsonDocuments.parse("-1".getBytes(), "n")));
        assertNull(LegacyTomlWriter.legacyInt(JsonDocuments.parse("1.0".getBytes(), "d")));
        assertNull(LegacyTomlWriter.legacyInt(JsonDocuments.parse("[1]".getBytes(), "a")));
    }

    @Test
    void pythonIntTakesAtMost4300Digits() {
        assertEquals(new BigInteger("9".repeat(4300)), LegacyTomlWriter.parsePythonInt("9".repeat(4300)));
        assertNull(LegacyTomlWriter.parsePythonInt("9".repeat(4301)));
        assertNull(LegacyTomlWriter.parsePythonInt("0".repeat(4301)), "leading zeros count");
        assertEquals(
                new BigInteger("-" + "1".repeat(4300)),
                LegacyTomlWriter.parsePythonInt("  -" + "1".repeat(4300) + " "),
                "sign and spaces do not count");
        assertEquals(
                new BigInteger("1".repeat(4300)),
                LegacyTomlWriter.parsePythonInt("1_".repeat(4299) + "1"),
                "underscores do not count");
    }

    /**
     * Every code point against {@code python-int.txt} ({@code gen-python-int.py}): the decimal digits Python 3.11's
     * {@code int()} reads (astral ones and Unicode 14's included, whatever this JDK's Unicode version) and the
     * spaces it skips.
     */
    @Test
    void pythonIntDigitsAndSpacesAreExactlyPythons() {
        java.util.Map<Integer, Integer> digits = new java.util.HashMap<>();
        java.util.Set<Integer> spaces = new java.util.HashSet<>();
        int limit = 0;
        for (String line :
                new String(resource("/legacy-writers/python-int.txt"), StandardCharsets.US_ASCII).split("\n")) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "digit" -> digits.put(Integer.parseInt(f[1], 16), Integer.parseInt(f[2]));
                case "space" -> spaces.add(Integer.parseInt(f[1], 16));
                case "limit" -> limit = Integer.parseInt(f[1]);
                default -> {}
            }
        }
        assertEquals(660, digits.size());
        assertEquals(LegacyTomlWriter.PYTHON_INT_MAX_STR_DIGITS, limit);
        java.util.List<String> wrong = new java.util.ArrayList<>();
        for (int c = 0; c < 0x110000; c++) {
            if (c >= 0xD800 && c < 0xE000) {
                continue;
            }
            String ch = new String(Character.toChars(c));
            BigInteger want = digits.containsKey(c) ? BigInteger.valueOf(digits.get(c)) : null;
            if (!java.util.Objects.equals(want, LegacyTomlWriter.parsePythonInt(ch))) {
                wrong.add("digit " + Integer.toHexString(c));
            }
            if (c != '5') {
                boolean space = LegacyTomlWriter.parsePythonInt(ch + "5" + ch) != null
                        && LegacyTomlWriter.parsePythonInt(ch + "5" + ch).intValue() == 5;
                if (space != spaces.contains(c)) {
                    wrong.add("space " + Integer.toHexString(c));
                }
            }
        }
        assertEquals(java.util.List.of(), wrong);
    }

    @Test
    void keysAndStrings() {
        assertEquals("abc-_09XY", LegacyTomlWriter.key("abc-_09XY"));
        assertEquals("\"\"", LegacyTomlWriter.key(""));
        assertEquals("\"my.prov\"", LegacyTomlWriter.key("my.prov"));
        assertEquals("\"caf\u00e9\"", LegacyTomlWriter.key("caf\u00e9"));
        StringBuilder sb = new StringBuilder();
        LegacyTomlWriter.string("\"\\\b\n\f\r\t\u0000\u001b\u007f\u0080\u00e9\ud83d\ude00/", sb);
        assertEquals("\"\\\"\\\\\\b\\n\\f\\r\t\\u0000\\u001b\\u007f\u0080\u00e9\ud83d\ude00/\"", sb.toString());
    }
}
