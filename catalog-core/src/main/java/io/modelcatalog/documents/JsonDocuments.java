package io.modelcatalog.documents;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Parses model-list bodies into an order-preserving Jackson tree with the semantics of Python's
 * {@code json.loads}: object keys keep the order received, a duplicate key's last value wins at the first
 * key's position, integers of any size stay exact ({@code IntNode}/{@code LongNode}/{@code BigIntegerNode}),
 * numbers with a fraction or exponent are doubles, and {@code NaN}/{@code Infinity} literals are accepted.
 */
public final class JsonDocuments {

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(Integer.MAX_VALUE)
                            .maxNumberLength(100_000)
                            .build())
                    .build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonDocuments() {}

    /**
     * Parses one JSON document.
     *
     * @param body   UTF-8 bytes (a BOM is not accepted, as in Python)
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
        try (JsonParser parser = MAPPER.createParser(buffer, 0, length)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new DocumentParseException(source, 1, 1, "no JSON value (only whitespace)");
            }
            return MAPPER.readTree(parser);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            int column = at == null ? 0 : at.getColumnNr();
            throw new DocumentParseException(source, line, column, e.getOriginalMessage());
        } catch (IOException e) {
            throw new DocumentParseException(source, 0, 0, e.getMessage());
        }
    }

    /** The shared mapper, for callers that build or read trees with the same settings. */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
