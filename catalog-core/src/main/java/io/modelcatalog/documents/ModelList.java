package io.modelcatalog.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A provider's model-list document after the legacy sort, with its model ids and each id's details.
 *
 * <p>Sorting (as {@code dump_models.py}): the {@code data} array, or a top-level array, is sorted stably by
 * each element's {@code id} (missing: ""), by code point; an object without a {@code data} array has its
 * top-level keys sorted. Nothing below the top level is reordered. The raw tree is not modified: the sorted
 * document shares every nested node with it.
 */
public final class ModelList {

    /** A top-level key of LiteLLM's map that describes the schema, not a model. */
    public static final String SAMPLE_SPEC = "sample_spec";

    private final JsonNode sorted;
    private final DocumentShape shape;
    private final List<String> ids;

    private ModelList(JsonNode sorted, DocumentShape shape, List<String> ids) {
        this.sorted = sorted;
        this.shape = shape;
        this.ids = ids;
    }

    /** Sorts a parsed document (for example from {@link JsonDocuments#parse}). */
    public static ModelList of(JsonNode raw) {
        DocumentShape shape = DocumentShape.of(raw);
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (shape) {
            case DATA_ARRAY -> {
                ObjectNode copy = f.objectNode();
                Iterator<Map.Entry<String, JsonNode>> it = raw.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    copy.set(e.getKey(), e.getKey().equals("data") ? sortById((ArrayNode) e.getValue()) : e.getValue());
                }
                yield new ModelList(copy, shape, elementIds((ArrayNode) copy.get("data")));
            }
            case TOP_LEVEL_ARRAY -> {
                ArrayNode sortedArray = sortById((ArrayNode) raw);
                yield new ModelList(sortedArray, shape, elementIds(sortedArray));
            }
            case KEYED_OBJECT -> {
                List<String> keys = new ArrayList<>();
                raw.fieldNames().forEachRemaining(keys::add);
                keys.sort(CodePointOrder.INSTANCE);
                ObjectNode copy = f.objectNode();
                List<String> ids = new ArrayList<>();
                for (String k : keys) {
                    copy.set(k, raw.get(k));
                    if (!k.equals(SAMPLE_SPEC)) {
                        ids.add(k);
                    }
                }
                yield new ModelList(copy, shape, Collections.unmodifiableList(ids));
            }
            default -> new ModelList(raw, shape, List.of());
        };
    }

    /**
     * The legacy sort's order of two elements by {@code x.get("id", "")}, as Python orders those keys wherever it
     * can: strings (a missing id is "") by code point; numbers and booleans by value, so {@code 0}, {@code 0.0}
     * and {@code false} are equal and keep their order; arrays element by element. Where Python cannot compare
     * (null or object ids, or ids of different kinds side by side) the legacy tool fails; this order still sorts,
     * deterministically: strings (null as ""), then numbers, then arrays, then objects.
     */
    static final Comparator<JsonNode> ID_ORDER = (a, b) -> compareIds(idOf(a), idOf(b));

    private static JsonNode idOf(JsonNode element) {
        return element.isObject() ? element.get("id") : null;
    }

    private static int compareIds(JsonNode a, JsonNode b) {
        int fa = family(a);
        int fb = family(b);
        if (fa != fb) {
            return Integer.compare(fa, fb);
        }
        switch (fa) {
            case 0:
                return CodePointOrder.INSTANCE.compare(text(a), text(b));
            case 1:
                return compareNumbers(a, b);
            case 2:
                for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                    int c = compareIds(a.get(i), b.get(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return Integer.compare(a.size(), b.size());
            default:
                return CodePointOrder.INSTANCE.compare(a.toString(), b.toString());
        }
    }

    /** 0: string (absent or null as ""), 1: number or boolean, 2: array, 3: object. */
    private static int family(JsonNode id) {
        if (id == null || id.isNull() || id.isTextual()) {
            return 0;
        }
        if (id.isNumber() || id.isBoolean()) {
            return 1;
        }
        return id.isArray() ? 2 : 3;
    }

    private static String text(JsonNode id) {
        return id == null || id.isNull() ? "" : id.textValue();
    }

    private static int compareNumbers(JsonNode a, JsonNode b) {
        int ra = numberRank(a);
        int rb = numberRank(b);
        if (ra != 0 || rb != 0) {
            return Integer.compare(ra, rb);
        }
        return decimal(a).compareTo(decimal(b));
    }

    /** -1: -Infinity, 0: finite, 1: Infinity, 2: NaN (Python compares NaN with nothing; it goes last here). */
    private static int numberRank(JsonNode n) {
        if (!n.isFloatingPointNumber()) {
            return 0;
        }
        double d = n.doubleValue();
        return Double.isNaN(d) ? 2 : d == Double.POSITIVE_INFINITY ? 1 : d == Double.NEGATIVE_INFINITY ? -1 : 0;
    }

    private static BigDecimal decimal(JsonNode n) {
        if (n.isBoolean()) {
            return n.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return n.isIntegralNumber() ? new BigDecimal(n.bigIntegerValue()) : new BigDecimal(n.doubleValue());
    }

    private static ArrayNode sortById(ArrayNode array) {
        List<JsonNode> items = new ArrayList<>(array.size());
        array.forEach(items::add);
        // List.sort is stable, as Python's sorted()
        items.sort(ID_ORDER);
        ArrayNode out = JsonNodeFactory.instance.arrayNode(items.size());
        out.addAll(items);
        return out;
    }

    private static List<String> elementIds(ArrayNode array) {
        List<String> ids = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            JsonNode id = element.isObject() ? element.get("id") : null;
            if (id != null && id.isTextual() && !id.asText().isEmpty()) {
                ids.add(id.asText());
            }
        }
        return Collections.unmodifiableList(ids);
    }

    /** The sorted document, as the legacy JSON file holds it. */
    public JsonNode document() {
        return sorted;
    }

    public DocumentShape shape() {
        return shape;
    }

    /** The model ids in file order, duplicates kept: the lines of the legacy txt file. */
    public List<String> ids() {
        return ids;
    }

    /**
     * Each distinct id with its details: the first element with that id (keyed object: the value under the key),
     * in first-occurrence order.
     */
    public Map<String, JsonNode> entries() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        switch (shape) {
            case DATA_ARRAY, TOP_LEVEL_ARRAY -> {
                ArrayNode array =
                        shape == DocumentShape.DATA_ARRAY ? (ArrayNode) sorted.get("data") : (ArrayNode) sorted;
                for (JsonNode element : array) {
                    JsonNode id = element.isObject() ? element.get("id") : null;
                    if (id != null && id.isTextual() && !id.asText().isEmpty()) {
                        out.putIfAbsent(id.asText(), element);
                    }
                }
            }
            case KEYED_OBJECT -> {
                for (String id : ids) {
                    out.put(id, sorted.get(id));
                }
            }
            default -> {}
        }
        return out;
    }
}
