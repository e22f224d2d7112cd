package io.modelcatalog.legacy.differential;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The responses on which the legacy {@code dump_models.py} itself fails (Python raises, the provider is marked
 * failed), what it leaves behind, and what the plugin does instead. The differential test predicts the crash from
 * the document, then checks that the legacy script really failed that way and that the plugin did what is recorded
 * here (whatever the script trips on first, the plugin fails a list with a lone-surrogate id). The list is also in
 * the site's migration page.
 *
 * <p>Not generated, because the script's limit moves with its call stack: nesting deeper than about 980 levels
 * fails the script ({@code RecursionError} in {@code json.loads}; 980 levels passed and 985 failed when tried);
 * the plugin reads up to 1,000 levels (Jackson's limit) and fails the provider beyond.
 *
 * @param legacyLeaves the files the legacy script leaves ({@code json}, {@code txt} (empty), ...), in write order
 * @param pluginWrites whether the plugin writes its three files ({@code false}: it fails the provider and writes
 *                     nothing)
 */
enum LegacyCrash {
    /**
     * An integer literal of more than 4,300 digits: Python 3.11's {@code json.loads} raises {@code ValueError}
     * (int max str digits), also for a value that a repeated key then replaces. Plugin: reads it exactly and
     * writes it back digit for digit.
     */
    INTEGER_OVER_4300_DIGITS(List.of(), true),
    /**
     * An element of the model array that is not an object: the sort's {@code x.get("id", "")} raises
     * {@code AttributeError}. Plugin: keeps the element in the JSON (sorted as id ""), takes no model from it.
     */
    NON_OBJECT_ELEMENT(List.of(), true),
    /**
     * Ids that Python cannot order: a null, object or differently typed id beside another (string ids and missing
     * ids count as strings; numbers and booleans order among themselves): {@code TypeError: '<' not supported}.
     * Plugin: orders strings (null as ""), then numbers, then arrays, then objects; no model from a non-string id.
     */
    UNORDERABLE_IDS(List.of(), true),
    /**
     * A truthy id that is not a string (a number, true, a non-empty array or object): the txt's
     * {@code "\n".join} raises {@code TypeError} after the JSON is written, leaving an empty txt. Plugin: no model
     * from it, all three files written.
     */
    NON_STRING_ID(List.of("json", "txt"), true),
    /**
     * A model id with a lone surrogate ({@code "\ud800"}): writing the txt raises {@code UnicodeEncodeError}
     * after the JSON is written, leaving an empty txt. Plugin: fails the provider, naming the id, and writes
     * nothing (UTF-8 cannot hold it either).
     */
    LONE_SURROGATE_ID(List.of("json", "txt"), false),
    /**
     * A model (the first element with its id) whose {@code top_provider} is not an object: {@code .get} raises
     * {@code AttributeError} while the TOML is built, after the JSON and txt are written. Plugin: ignores that
     * {@code top_provider} (no context window or max output from it), all three files written.
     */
    TOP_PROVIDER_NOT_OBJECT(List.of("json", "txt"), true);

    final List<String> legacyLeaves;
    final boolean pluginWrites;

    LegacyCrash(List<String> legacyLeaves, boolean pluginWrites) {
        this.legacyLeaves = legacyLeaves;
        this.pluginWrites = pluginWrites;
    }

    /**
     * The crash the legacy script meets first on this parsed document, in the order it does its work (parse,
     * sort, JSON, txt, TOML), or empty when it gets through.
     */
    static Optional<LegacyCrash> predict(JsonNode doc) {
        if (hasIntegerOver4300Digits(doc)) {
            return Optional.of(INTEGER_OVER_4300_DIGITS);
        }
        JsonNode models =
                doc.isArray() ? doc : doc.isObject() && doc.path("data").isArray() ? doc.get("data") : null;
        if (models != null) {
            for (JsonNode m : models) {
                if (!m.isObject()) {
                    return Optional.of(NON_OBJECT_ELEMENT);
                }
            }
            if (models.size() >= 2 && !orderable(models)) {
                return Optional.of(UNORDERABLE_IDS);
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode m : models) {
                JsonNode id = m.get("id");
                if (id != null && truthy(id)) {
                    if (!id.isTextual()) {
                        return Optional.of(NON_STRING_ID);
                    }
                    ids.add(id.textValue());
                }
            }
            if (ids.stream().anyMatch(LegacyCrash::hasLoneSurrogate)) {
                return Optional.of(LONE_SURROGATE_ID);
            }
            Map<String, JsonNode> first = new HashMap<>();
            for (JsonNode m : models) {
                JsonNode id = m.get("id");
                if (id != null && id.isTextual()) {
                    first.putIfAbsent(id.textValue(), m);
                }
            }
            for (String id : ids) {
                if (topProviderNotObject(first.get(id))) {
                    return Optional.of(TOP_PROVIDER_NOT_OBJECT);
                }
            }
        } else if (doc.isObject()) {
            Iterator<String> keys = doc.fieldNames();
            List<String> ids = new ArrayList<>();
            keys.forEachRemaining(k -> {
                if (!k.equals("sample_spec")) {
                    ids.add(k);
                }
            });
            if (ids.stream().anyMatch(LegacyCrash::hasLoneSurrogate)) {
                return Optional.of(LONE_SURROGATE_ID);
            }
            for (String id : ids) {
                if (topProviderNotObject(doc.get(id))) {
                    return Optional.of(TOP_PROVIDER_NOT_OBJECT);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean topProviderNotObject(JsonNode details) {
        return details != null
                && details.isObject()
                && details.has("top_provider")
                && !details.get("top_provider").isObject();
    }

    /**
     * Whether Python can sort these elements by {@code x.get("id", "")}: every comparison it may make must be
     * defined. Keys fall in families that order among themselves (strings; numbers and booleans; lists whose
     * elements are numbers); None and dicts order with nothing, so two of them, or two families, fail.
     */
    private static boolean orderable(JsonNode models) {
        Set<String> families = new HashSet<>();
        for (JsonNode m : models) {
            JsonNode id = m.get("id");
            String family;
            if (id == null || id.isTextual()) {
                family = "str";
            } else if (id.isNumber() || id.isBoolean()) {
                family = "number";
            } else if (id.isArray()) {
                for (JsonNode e : id) {
                    if (!e.isNumber() && !e.isBoolean()) {
                        throw new IllegalStateException("the generator makes list ids of numbers only: " + id);
                    }
                }
                family = "list";
            } else {
                return false; // None or dict: not even orderable with its own kind
            }
            families.add(family);
        }
        return families.size() <= 1;
    }

    static boolean truthy(JsonNode v) {
        if (v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().signum() != 0;
        }
        if (v.isNumber()) {
            return v.doubleValue() != 0.0;
        }
        if (v.isTextual()) {
            return !v.textValue().isEmpty();
        }
        return v.size() > 0;
    }

    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return true;
            }
            if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasIntegerOver4300Digits(JsonNode v) {
        if (v.isBigInteger()) {
            BigInteger b = v.bigIntegerValue().abs();
            return b.bitLength() > 14_000 && b.toString().length() > 4300;
        }
        for (JsonNode child : v) {
            if (hasIntegerOver4300Digits(child)) {
                return true;
            }
        }
        return false;
    }
}
