package io.modelcatalog.configediting;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A JSON file as OpenCode reads it (JSONC: {@code //} and {@code /* *}{@code /} comments, trailing commas, and
 * otherwise strict JSON), parsed by Jackson's streaming parser into values that know where they stand in the text:
 * each value's start and end offset, each object member's key offset. Those positions are what edits splice at, so
 * every byte around them (comments, blank lines, key order, the user's spacing) stays. A key given twice in one
 * object is an error, as is text after the root value.
 *
 * <p>Between two tokens the parser reports, the text can only hold whitespace, comments and the separators
 * {@code ,} and {@code :}; {@link #commaBetween} and {@link #restOfLineIsBlank} read such a gap, and nothing else.
 */
public final class JsonDocument {

    /** Jackson, configured as OpenCode's {@code jsonc-parser} with {@code allowTrailingComma}. */
    private static final JsonFactory JSONC = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Data equality as JSON means it: numbers by value ({@code 1.50} is {@code 1.5}), members in any order. */
    private static final Comparator<JsonNode> SAME = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        return a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
    };

    /** One value in the text: {@code [start, end)} in the text's chars, and its data. */
    public static final class Value {
        private final int start;
        private final int end;
        private final JsonNode data;
        private final List<Member> members;
        private final List<Value> elements;

        Value(int start, int end, JsonNode data, List<Member> members, List<Value> elements) {
            this.start = start;
            this.end = end;
            this.data = data;
            this.members = members;
            this.elements = elements;
        }

        public int start() {
            return start;
        }

        public int end() {
            return end;
        }

        public JsonNode data() {
            return data;
        }

        public boolean isObject() {
            return data.isObject();
        }

        /** An object's members in text order; empty for other values. */
        public List<Member> members() {
            return members;
        }

        /** An array's elements in text order; empty for other values. */
        public List<Value> elements() {
            return elements;
        }

        /** The member of an object with this key, or null. */
        public Member member(String key) {
            for (Member m : members) {
                if (m.key().equals(key)) {
                    return m;
                }
            }
            return null;
        }

        /** The index of the member with this key, or -1. */
        public int indexOf(String key) {
            for (int i = 0; i < members.size(); i++) {
                if (members.get(i).key().equals(key)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** One member of an object: its key (decoded), where the key's opening quote stands, and its value. */
    public record Member(String key, int keyStart, Value value) {}

    private final ConfigText text;
    private final Value root;

    private JsonDocument(ConfigText text, Value root) {
        this.text = text;
        this.root = root;
    }

    /**
     * Parses a file's text.
     *
     * @throws ConfigEditException naming the file, line and column where the text is not JSON with comments, or
     *     where a key repeats
     */
    public static JsonDocument parse(ConfigText text) {
        String source = text.text();
        try (JsonParser p = JSONC.createParser(source)) {
            try {
                JsonToken first = p.nextToken();
                if (first == null) {
                    return new JsonDocument(text, null);
                }
                Value root = value(p, first);
                JsonToken after = p.nextToken();
                if (after != null) {
                    throw error(
                            text,
                            offset(p.currentTokenLocation()),
                            "holds more than one value",
                            "keep one object in the file and remove what follows it");
                }
                return new JsonDocument(text, root);
            } catch (JsonProcessingException e) {
                // a limit's error (the nesting depth) has no location of its own: the parser is where it stopped
                JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
                String message = withoutInput(e.getOriginalMessage());
                boolean duplicate = message.toLowerCase(Locale.ROOT).startsWith("duplicate");
                throw error(
                        text,
                        at == null ? -1 : offset(at),
                        (duplicate ? "repeats a key: " : "is not valid JSON (comments and trailing commas allowed): ")
                                + message,
                        duplicate ? "keep one of the two members" : "correct the file, or restore it from a backup");
            }
        } catch (IOException e) {
            throw new ConfigEditException(text.file(), "cannot be read as JSON: " + e.getMessage(), null);
        }
    }

    private static ConfigEditException error(ConfigText text, int offset, String problem, String remedy) {
        int line = 0;
        int column = 0;
        if (offset >= 0) {
            int at = Math.min(offset, text.text().length());
            line = text.lineOf(at) + 1;
            column = text.column(at);
        }
        return new ConfigEditException(text.file(), line, column, problem, remedy);
    }

    /**
     * The parser's message without the file's text: an unquoted word it quotes could be a key pasted without
     * quotes, and a key never goes into a message.
     */
    private static String withoutInput(String message) {
        if (message == null) {
            return "unreadable";
        }
        String prefix = "Unrecognized token '";
        if (message.startsWith(prefix)) {
            int close = message.indexOf("':", prefix.length());
            return "an unquoted word where a value belongs" + (close < 0 ? "" : message.substring(close + 1));
        }
        return message;
    }

    private static int offset(JsonLocation location) {
        return (int) location.getCharOffset();
    }

    private static Value value(JsonParser p, JsonToken token) throws IOException {
        int start = offset(p.currentTokenLocation());
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (token) {
            case START_OBJECT -> {
                List<Member> members = new ArrayList<>();
                ObjectNode data = nodes.objectNode();
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    int keyStart = offset(p.currentTokenLocation());
                    String key = p.currentName();
                    Value v = value(p, p.nextToken());
                    members.add(new Member(key, keyStart, v));
                    data.set(key, v.data());
                }
                return new Value(start, offset(p.currentTokenLocation()) + 1, data, List.copyOf(members), List.of());
            }
            case START_ARRAY -> {
                List<Value> elements = new ArrayList<>();
                ArrayNode data = nodes.arrayNode();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    Value v = value(p, t);
                    elements.add(v);
                    data.add(v.data());
                }
                return new Value(start, offset(p.currentTokenLocation()) + 1, data, List.of(), List.copyOf(elements));
            }
            default -> {
                JsonNode data = switch (token) {
                    case VALUE_STRING -> nodes.textNode(p.getText());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> nodes.numberNode(p.getDecimalValue());
                    case VALUE_TRUE -> nodes.booleanNode(true);
                    case VALUE_FALSE -> nodes.booleanNode(false);
                    case VALUE_NULL -> nodes.nullNode();
                    default -> throw new IllegalStateException("unexpected token " + token);
                };
                // the token is complete now (getText and getDecimalValue read it to its end)
                return new Value(start, offset(p.currentLocation()), data, List.of(), List.of());
            }
        }
    }

    public ConfigText text() {
        return text;
    }

    /** The root value, or null for a text without any (empty, or only comments). */
    public Value root() {
        return root;
    }

    /** Whether two values are the same data: numbers by value, object members in any order. */
    public static boolean same(JsonNode a, JsonNode b) {
        return a == null ? b == null : b != null && a.equals(SAME, b);
    }

    /** The 0-based line of an offset. */
    public int line(int offset) {
        return text.lineOf(Math.min(offset, text.text().length()));
    }

    /** The spaces and tabs a line starts with. */
    public String leadingWhitespace(int line) {
        String s = text.text();
        int start = text.lineStart(line);
        int end = text.lineContentEnd(line);
        int i = start;
        while (i < end && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return s.substring(start, i);
    }

    /** Whether only spaces and tabs stand before an offset on its line. */
    public boolean startsLine(int offset) {
        int line = line(offset);
        return text.lineStart(line) + leadingWhitespace(line).length() == offset;
    }

    /**
     * The offset of the separator comma in a gap between two tokens ({@code [from, to)}: after a value, before the
     * next key or the closing bracket), or -1 when there is none.
     */
    public int commaBetween(int from, int to) {
        String s = text.text();
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == ',') {
                return i;
            }
            i = skipComment(s, i, to);
        }
        return -1;
    }

    /**
     * Whether the rest of the line from an offset inside a gap holds only whitespace and comments that end on the
     * line (so that new lines can go after it without moving anything of the line).
     */
    public boolean restOfLineIsBlank(int from) {
        String s = text.text();
        int end = text.lineContentEnd(line(from));
        int i = from;
        while (i < end) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < end && s.charAt(i + 1) == '/') {
                return true;
            }
            if (c == '/' && i + 1 < end && s.charAt(i + 1) == '*') {
                int close = s.indexOf("*/", i + 2);
                if (close < 0 || close + 2 > end) {
                    return false;
                }
                i = close + 2;
            } else if (c == ' ' || c == '\t') {
                i++;
            } else {
                return false;
            }
        }
        return true;
    }

    /** Whether only spaces and tabs stand from an offset to the end of its line. */
    public boolean restOfLineIsWhitespace(int from) {
        String s = text.text();
        int end = text.lineContentEnd(line(from));
        for (int i = from; i < end; i++) {
            if (s.charAt(i) != ' ' && s.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Past a comment or one whitespace/separator char of a gap. */
    private static int skipComment(String s, int i, int to) {
        if (s.charAt(i) == '/' && i + 1 < to && s.charAt(i + 1) == '/') {
            int nl = i + 2;
            while (nl < to && s.charAt(nl) != '\n' && s.charAt(nl) != '\r') {
                nl++;
            }
            return nl;
        }
        if (s.charAt(i) == '/' && i + 1 < to && s.charAt(i + 1) == '*') {
            int close = s.indexOf("*/", i + 2);
            return close < 0 ? to : close + 2;
        }
        return i + 1;
    }
}
