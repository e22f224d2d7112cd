package io.modelcatalog.documents;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Parses model-list bodies into an order-preserving Jackson tree with the semantics of Python's
 * {@code json.loads}: object keys keep the order received, a duplicate key's last value wins at the first
 * key's position, integers of any size stay exact ({@code IntNode}/{@code LongNode}/{@code BigIntegerNode}),
 * numbers with a fraction or exponent are doubles, and {@code NaN}/{@code Infinity} literals are accepted.
 */
public final class JsonDocuments {

    /**
     * Streaming only: the tree is built here rather than by an {@code ObjectMapper}, whose deserialization machinery
     * costs about 150 ms to start in a fresh JVM, on the path of every fetch.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(100_000)
                    .build())
            .build();

    private JsonDocuments() {}

    /**
     * Parses one JSON document.
     *
     * @param body   strict UTF-8 bytes (a BOM, a NUL in the first 4 bytes or an ill-formed sequence is not accepted,
     *               as in Python)
     * @param source what the bytes are, for messages: a file path or a provider and URL
     * @throws DocumentParseException naming the source, line and column
     */
    public static JsonNode parse(byte[] body, String source) {
        return parse(body, body.length, source);
    }

    /** Parses the first {@code length} bytes of {@code buffer} (a response buffer larger than its body). */
    public static JsonNode parse(byte[] buffer, int length, String source) {
        if (length == 0) {
            throw new DocumentParseException(source, 1, 1, "empty body");
        }
        // Python reads strict UTF-8 text: a BOM, a NUL (outside a string) and any ill-formed byte fail there; Jackson
        // would skip a BOM, guess UTF-16/32 from NULs and let overlong forms and encoded surrogates through
        if (length >= 3 && (buffer[0] & 0xff) == 0xef && (buffer[1] & 0xff) == 0xbb && (buffer[2] & 0xff) == 0xbf) {
            throw new DocumentParseException(source, 1, 1, "a UTF-8 byte-order mark before the JSON value");
        }
        for (int i = 0; i < Math.min(4, length); i++) {
            if (buffer[i] == 0) {
                throw new DocumentParseException(source, 1, i + 1, "a NUL byte");
            }
        }
        int bad = Utf8Check.firstInvalid(buffer, 0, length);
        if (bad >= 0) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (buffer[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new DocumentParseException(
                    source,
                    line,
                    bad - lineStart + 1,
                    String.format(
                            java.util.Locale.ROOT,
                            "byte 0x%02x at offset %d is not valid UTF-8",
                            buffer[bad] & 0xff,
                            bad));
        }
        try (JsonParser parser = FACTORY.createParser(buffer, 0, length)) {
            if (parser.nextToken() == null) {
                throw new DocumentParseException(source, 1, 1, "no JSON value (only whitespace)");
            }
            JsonNode root = readValue(parser);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentLocation();
                throw new DocumentParseException(
                        source, at.getLineNr(), at.getColumnNr(), "more content after the JSON value");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            int column = at == null ? 0 : at.getColumnNr();
            throw new DocumentParseException(source, line, column, e.getOriginalMessage());
        } catch (IOException e) {
            throw new DocumentParseException(source, 0, 0, e.getMessage());
        }
    }

    /**
     * Builds the tree of the value at the parser's current token, leaving the parser on that value's last token.
     * Works for any Jackson streaming parser (JSON, YAML). Objects keep their key order; a repeated key's last
     * value replaces the first at its position; integers become int, long or BigInteger nodes, other numbers doubles.
     */
    public static JsonNode readValue(JsonParser parser) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = f.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    object.set(key, readValue(parser));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = f.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readValue(parser));
                }
                yield array;
            }
            case VALUE_STRING -> f.textNode(parser.getText());
            case VALUE_NUMBER_INT ->
                switch (parser.getNumberType()) {
                    case INT -> f.numberNode(parser.getIntValue());
                    case LONG -> f.numberNode(parser.getLongValue());
                    default -> f.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT -> f.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> f.booleanNode(true);
            case VALUE_FALSE -> f.booleanNode(false);
            case VALUE_NULL -> f.nullNode();
            default -> throw new JsonParseException(parser, "unexpected " + token);
        };
    }
}
