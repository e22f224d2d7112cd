package io.modelcatalog.compat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Compares two parsed documents (JSON, or TOML read into the same tree model) as data: object members by name
 * whatever their order, arrays element by element, numbers by value within their kind (an integer never equals
 * a float: {@code 1} and {@code 1.0} are different data). Finds the first difference in the reference's order.
 *
 * <p>Key order is not data, but it is bytes: {@link #firstKeyOrderDifference} finds where two data-equal
 * documents order their members differently.
 */
final class TreeDiff {

    /** How paths are written: {@code $.data[3].id} for JSON, {@code profiles.dee_x.model} for TOML. */
    enum PathStyle {
        JSON,
        TOML
    }

    /** A data difference: where, and each side's value as text. */
    record Difference(String path, String reference, String output) {}

    private static final Pattern JSON_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern TOML_BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    private static final ObjectMapper TEXT = new ObjectMapper();
    private static final int MAX_VALUE_CHARS = 120;
    private static final int MAX_KEYS_SHOWN = 8;

    private final PathStyle style;

    TreeDiff(PathStyle style) {
        this.style = style;
    }

    /** The first data difference, or empty when the documents hold the same data. */
    Optional<Difference> firstDataDifference(JsonNode reference, JsonNode output) {
        return data(root(), reference, output);
    }

    /**
     * For data-equal documents, the first object whose members come in a different order, described; empty when
     * every object has its members in the same order.
     */
    Optional<String> firstKeyOrderDifference(JsonNode reference, JsonNode output) {
        return order(root(), reference, output);
    }

    private Optional<Difference> data(String path, JsonNode ref, JsonNode out) {
        if (ref.isObject() && out.isObject()) {
            Iterator<String> names = ref.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                JsonNode o = out.get(name);
                if (o == null) {
                    return Optional.of(new Difference(child(path, name), render(ref.get(name)), "absent"));
                }
                Optional<Difference> d = data(child(path, name), ref.get(name), o);
                if (d.isPresent()) {
                    return d;
                }
            }
            Iterator<String> outNames = out.fieldNames();
            while (outNames.hasNext()) {
                String name = outNames.next();
                if (!ref.has(name)) {
                    return Optional.of(new Difference(child(path, name), "absent", render(out.get(name))));
                }
            }
            return Optional.empty();
        }
        if (ref.isArray() && out.isArray()) {
            int common = Math.min(ref.size(), out.size());
            for (int i = 0; i < common; i++) {
                Optional<Difference> d = data(index(path, i), ref.get(i), out.get(i));
                if (d.isPresent()) {
                    return d;
                }
            }
            if (ref.size() != out.size()) {
                String r = ref.size() > common ? render(ref.get(common)) : "absent (" + ref.size() + " elements)";
                String o = out.size() > common ? render(out.get(common)) : "absent (" + out.size() + " elements)";
                return Optional.of(new Difference(index(path, common), r, o));
            }
            return Optional.empty();
        }
        if (sameScalar(ref, out)) {
            return Optional.empty();
        }
        boolean kindsDiffer = !kind(ref).equals(kind(out));
        return Optional.of(new Difference(
                path,
                render(ref) + (kindsDiffer ? " (" + kind(ref) + ")" : ""),
                render(out) + (kindsDiffer ? " (" + kind(out) + ")" : "")));
    }

    private static boolean sameScalar(JsonNode ref, JsonNode out) {
        if (ref.isNumber() && out.isNumber()) {
            if (ref.isIntegralNumber() && out.isIntegralNumber()) {
                return ref.bigIntegerValue().equals(out.bigIntegerValue());
            }
            if (ref.isFloatingPointNumber() && out.isFloatingPointNumber()) {
                double a = ref.doubleValue();
                double b = out.doubleValue();
                // as Python's ==, except that NaN equals NaN: the same literal on both sides is the same data
                return a == b || (Double.isNaN(a) && Double.isNaN(b));
            }
            return false;
        }
        if (ref.getNodeType() != out.getNodeType()) {
            return false;
        }
        if (ref.isTextual()) {
            return ref.textValue().equals(out.textValue());
        }
        return Objects.equals(ref, out);
    }

    private Optional<String> order(String path, JsonNode ref, JsonNode out) {
        if (ref.isObject() && out.isObject()) {
            List<String> refNames = new ArrayList<>();
            ref.fieldNames().forEachRemaining(refNames::add);
            List<String> outNames = new ArrayList<>();
            out.fieldNames().forEachRemaining(outNames::add);
            if (!refNames.equals(outNames)) {
                return Optional.of("members of " + describePath(path) + " in a different order: reference "
                        + firstNames(refNames) + ", output " + firstNames(outNames));
            }
            for (String name : refNames) {
                Optional<String> d = order(child(path, name), ref.get(name), out.get(name));
                if (d.isPresent()) {
                    return d;
                }
            }
        } else if (ref.isArray() && out.isArray()) {
            for (int i = 0; i < Math.min(ref.size(), out.size()); i++) {
                Optional<String> d = order(index(path, i), ref.get(i), out.get(i));
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return Optional.empty();
    }

    private static String firstNames(List<String> names) {
        List<String> shown = names.size() > MAX_KEYS_SHOWN ? names.subList(0, MAX_KEYS_SHOWN) : names;
        return "[" + String.join(", ", shown) + (names.size() > MAX_KEYS_SHOWN ? ", ..." : "") + "]";
    }

    private String root() {
        return style == PathStyle.JSON ? "$" : "";
    }

    /** A path for messages; the TOML document root has no path of its own. */
    String describePath(String path) {
        return path.isEmpty() ? "the document" : path;
    }

    private String child(String path, String name) {
        if (style == PathStyle.JSON) {
            return JSON_IDENTIFIER.matcher(name).matches() ? path + "." + name : path + "[" + quote(name) + "]";
        }
        String key = TOML_BARE_KEY.matcher(name).matches() ? name : quote(name);
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    private static String quote(String s) {
        try {
            return TEXT.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String kind(JsonNode n) {
        if (n.isIntegralNumber()) {
            return "integer";
        }
        if (n.isFloatingPointNumber()) {
            return "float";
        }
        if (n.isTextual()) {
            return "string";
        }
        if (n.isBoolean()) {
            return "boolean";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isArray()) {
            return "array";
        }
        if (n.isObject()) {
            return "object";
        }
        return n.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** A value as compact JSON text, cut to a readable length; floats in Java's notation ({@code 1.0E-6}). */
    static String render(JsonNode n) {
        String text;
        if (n.isFloatingPointNumber()) {
            text = Double.toString(n.doubleValue());
        } else {
            text = n.toString();
        }
        return text.length() > MAX_VALUE_CHARS ? text.substring(0, MAX_VALUE_CHARS) + "..." : text;
    }
}
