package io.modelcatalog.configediting;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * How new JSON text is written into a file: the file's indentation unit (two spaces unless the file shows
 * another) and line ending, {@code "key": value}, ASCII only (other characters as {@code \}{@code u} escapes, so
 * the bytes are the same in any encoding the tool might assume), numbers as written, never in exponent form.
 *
 * @param unit       one level of indentation
 * @param lineEnding the file's line ending
 */
public record JsonStyle(String unit, String lineEnding) {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** The style a document shows: the indentation of its first member on a line of its own, and its line ending. */
    public static JsonStyle of(JsonDocument doc) {
        String unit = "  ";
        JsonDocument.Value root = doc.root();
        if (root != null && root.isObject() && !root.members().isEmpty()) {
            int keyStart = root.members().get(0).keyStart();
            if (doc.startsLine(keyStart)) {
                String inner = doc.leadingWhitespace(doc.line(keyStart));
                String outer = doc.leadingWhitespace(doc.line(root.start()));
                if (inner.length() > outer.length() && inner.startsWith(outer)) {
                    unit = inner.substring(outer.length());
                }
            }
        }
        return new JsonStyle(unit, doc.text().lineEnding());
    }

    /** A value over several lines, the lines after the first indented by {@code indent} plus its depth. */
    public String render(JsonNode value, String indent) {
        DefaultIndenter indenter = new DefaultIndenter(unit, lineEnding + indent);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return write(value, printer);
    }

    /** A value on one line: {@code {"a": 1, "b": [2, 3]}}. */
    public String renderInline(JsonNode value) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEntrySpacing(Separators.Spacing.AFTER)
                        .withArrayValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""));
        printer.indentObjectsWith(DefaultPrettyPrinter.NopIndenter.instance);
        printer.indentArraysWith(DefaultPrettyPrinter.NopIndenter.instance);
        return write(value, printer);
    }

    /** A key as a JSON string. */
    public static String key(String key) {
        try {
            return MAPPER.writeValueAsString(key);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serializes", e);
        }
    }

    private static String write(JsonNode value, DefaultPrettyPrinter printer) {
        try {
            return MAPPER.writer(printer).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }
}
