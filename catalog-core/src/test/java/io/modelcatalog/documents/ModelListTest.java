package io.modelcatalog.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelListTest {

    private static JsonNode parse(String json) {
        return JsonDocuments.parse(json.getBytes(StandardCharsets.UTF_8), "test");
    }

    private static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.path("id").asText("<none>")));
        return out;
    }

    /** Python orders 0, 0.0 and false as equal keys, so they keep their order (found by the differential test). */
    @Test
    void idsAreOrderedAsPythonOrdersThem() {
        JsonNode falsy = ModelList.of(parse("[{\"id\":false,\"n\":1},{\"id\":0,\"n\":2},{\"id\":-0.0,\"n\":3},"
                        + "{\"id\":0.0,\"n\":4},{\"id\":false,\"n\":5}]"))
                .document();
        List<Integer> order = new ArrayList<>();
        falsy.forEach(e -> order.add(e.get("n").asInt()));
        assertEquals(List.of(1, 2, 3, 4, 5), order);
        // where Python cannot order the keys (the legacy tool fails) the order is still total and deterministic:
        // strings (null as ""), then numbers by value, then arrays, then objects
        JsonNode mixed = ModelList.of(parse("[{\"id\":{}},{\"id\":[2]},{\"id\":10},{\"id\":\"b\"},{\"id\":9.5},"
                        + "{\"id\":null},{\"id\":[1,5]},{\"id\":true},{\"id\":\"a\"}]"))
                .document();
        List<String> ids = new ArrayList<>();
        mixed.forEach(e -> ids.add(e.get("id").toString()));
        assertEquals(List.of("null", "\"a\"", "\"b\"", "true", "9.5", "10", "[1,5]", "[2]", "{}"), ids);
    }

    @Test
    void dataArrayIsSortedStablyByIdWithMissingIdFirst() {
        ModelList list = ModelList.of(parse("{\"object\":\"list\",\"data\":["
                + "{\"id\":\"b\",\"n\":1},{\"x\":1},{\"id\":\"a\"},{\"id\":\"b\",\"n\":2},{\"id\":\"\"}]}"));
        assertEquals(DocumentShape.DATA_ARRAY, list.shape());
        JsonNode data = list.document().get("data");
        assertEquals(List.of("<none>", "", "a", "b", "b"), ids(data));
        assertEquals(1, data.get(3).get("n").asInt(), "stable: equal ids keep their order");
        assertEquals(List.of("a", "b", "b"), list.ids(), "txt ids: non-empty strings, duplicates kept");
        assertEquals(List.of("a", "b"), new ArrayList<>(list.entries().keySet()));
        assertEquals(1, list.entries().get("b").get("n").asInt(), "details come from the first element");
        List<String> keys = new ArrayList<>();
        list.document().fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("object", "data"), keys, "top-level key order kept for the data shape");
    }

    @Test
    void sortIsByCodePointNotUtf16Unit() {
        // U+1F600 (surrogate pair) sorts after U+FFFD by code point, before it by UTF-16 unit
        ModelList list =
                ModelList.of(parse("[{\"id\":\"\\ud83d\\ude00\"},{\"id\":\"\\ufffd\"},{\"id\":\"Z\"},{\"id\":\"a\"}]"));
        assertEquals(DocumentShape.TOP_LEVEL_ARRAY, list.shape());
        assertEquals(List.of("Z", "a", "\ufffd", "\ud83d\ude00"), list.ids());
    }

    @Test
    void keyedObjectSortsTopLevelKeysAndExcludesSampleSpecFromIds() {
        ModelList list = ModelList.of(parse("{\"zeta\":{\"b\":1,\"a\":2},\"sample_spec\":{},\"alpha\":{}}"));
        assertEquals(DocumentShape.KEYED_OBJECT, list.shape());
        List<String> keys = new ArrayList<>();
        list.document().fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("alpha", "sample_spec", "zeta"), keys);
        assertEquals(List.of("alpha", "zeta"), list.ids());
        List<String> nested = new ArrayList<>();
        list.document().get("zeta").fieldNames().forEachRemaining(nested::add);
        assertEquals(List.of("b", "a"), nested, "nested objects keep their order");
    }

    @Test
    void objectWhoseDataIsNotAnArrayIsKeyed() {
        ModelList list = ModelList.of(parse("{\"data\":{\"x\":1},\"b\":2}"));
        assertEquals(DocumentShape.KEYED_OBJECT, list.shape());
        assertEquals(List.of("b", "data"), list.ids());
    }

    @Test
    void emptyAndScalarDocumentsHaveNoIds() {
        assertEquals(List.of(), ModelList.of(parse("{\"data\":[]}")).ids());
        assertEquals(List.of(), ModelList.of(parse("[]")).ids());
        assertEquals(DocumentShape.SCALAR, ModelList.of(parse("42")).shape());
    }

    @Test
    void parserKeepsPythonSemantics() {
        JsonNode n = parse("{\"a\":1,\"b\":2,\"a\":3,\"big\":123456789012345678901234567890,\"f\":1.5,\"e\":1e5,"
                + "\"inf\":Infinity,\"nan\":NaN,\"huge\":1e400}");
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        assertEquals(
                List.of("a", "b", "big", "f", "e", "inf", "nan", "huge"), keys, "duplicate key keeps first position");
        assertEquals(3, n.get("a").asInt(), "last value wins");
        assertEquals(
                new BigInteger("123456789012345678901234567890"), n.get("big").bigIntegerValue());
        assertTrue(n.get("e").isDouble(), "exponent means double");
        assertTrue(Double.isInfinite(n.get("inf").doubleValue()));
        assertTrue(Double.isNaN(n.get("nan").doubleValue()));
        assertTrue(Double.isInfinite(n.get("huge").doubleValue()), "a literal too large for a double is infinite");
    }

    @Test
    void invalidJsonNamesSourceLineAndColumn() {
        DocumentParseException e = assertThrows(
                DocumentParseException.class,
                () -> JsonDocuments.parse("{\n  \"a\": [1,\n  }".getBytes(StandardCharsets.UTF_8), "models_x.json"));
        assertTrue(e.getMessage().startsWith("models_x.json:3:"), e.getMessage());
        assertEquals(3, e.line());
        assertThrows(DocumentParseException.class, () -> JsonDocuments.parse(new byte[0], "empty"));
        assertThrows(
                DocumentParseException.class,
                () -> JsonDocuments.parse("{} trailing".getBytes(StandardCharsets.UTF_8), "t"));
    }
}
