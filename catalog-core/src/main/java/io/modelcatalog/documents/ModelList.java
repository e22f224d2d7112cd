package io.modelcatalog.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
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

    /** The sort key of one element: its {@code id} text, "" when it has none. */
    static String sortKey(JsonNode element) {
        JsonNode id = element.isObject() ? element.get("id") : null;
        if (id == null || id.isNull()) {
            return "";
        }
        return id.isValueNode() ? id.asText() : id.toString();
    }

    private static ArrayNode sortById(ArrayNode array) {
        List<JsonNode> items = new ArrayList<>(array.size());
        array.forEach(items::add);
        // List.sort is stable, as Python's sorted()
        items.sort((a, b) -> CodePointOrder.INSTANCE.compare(sortKey(a), sortKey(b)));
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
