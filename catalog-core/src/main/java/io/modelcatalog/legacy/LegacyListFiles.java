package io.modelcatalog.legacy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.documents.CodePointOrder;
import io.modelcatalog.documents.DocumentParseException;
import io.modelcatalog.documents.DocumentShape;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.documents.ModelList;
import io.modelcatalog.files.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three legacy files of one model-list document ({@code models_<p>.json}, {@code .txt}, {@code .toml}), made in
 * one pass over its bytes that holds one model's tree at a time: each model (or top-level value) is parsed, written
 * at once in the legacy JSON layout ({@link PythonJsonWriter}) into an append-only store, and kept as that slice with
 * its id and the two numbers its TOML profile needs; then the slices are sorted by id and the files are streamed out
 * of the store. The bytes are those of {@link ModelList}, {@link PythonJsonWriter}, {@link LegacyTxtWriter} and
 * {@link LegacyTomlWriter} on the whole tree, in about the output's size of memory rather than several times the
 * document's (a parsed tree takes five to ten times its JSON), with the garbage of one model at a time.
 */
public final class LegacyListFiles {

    private static final byte[] INDENT_1 = {'\n', ' ', ' '};
    private static final byte[] INDENT_2 = {'\n', ' ', ' ', ' ', ' '};

    /** One value written into the store: where it starts, and its length. */
    private record Slice(int block, int offset, int length) {}

    /**
     * A model of an array: its slice, its id as the sort compares it, its txt id (a non-empty string id, else null)
     * and what its TOML profile shows.
     */
    private record Element(Slice slice, JsonNode id, String textId, BigInteger context, BigInteger maxOutput) {}

    /** A top-level member's value: a slice, with the profile numbers of a keyed document's model. */
    private record Member(Slice slice, BigInteger context, BigInteger maxOutput, List<Element> data) {}

    private final DocumentShape shape;
    private final Store store;
    private final Map<String, Member> members;
    private final List<Element> elements;
    private final Slice scalar;
    private final List<String> ids;
    private final Map<String, BigInteger[]> details;

    private LegacyListFiles(
            DocumentShape shape, Store store, Map<String, Member> members, List<Element> elements, Slice scalar) {
        this.shape = shape;
        this.store = store;
        this.members = members;
        this.elements = elements;
        this.scalar = scalar;
        List<String> ids = new ArrayList<>();
        Map<String, BigInteger[]> details = new HashMap<>();
        if (shape == DocumentShape.KEYED_OBJECT) {
            for (Map.Entry<String, Member> m : members.entrySet()) {
                if (!m.getKey().equals(ModelList.SAMPLE_SPEC)) {
                    ids.add(m.getKey());
                    details.put(m.getKey(), new BigInteger[] {
                        m.getValue().context(), m.getValue().maxOutput()
                    });
                }
            }
        } else {
            for (Element e : elements) {
                if (e.textId() != null) {
                    ids.add(e.textId());
                    details.putIfAbsent(e.textId(), new BigInteger[] {e.context(), e.maxOutput()});
                }
            }
        }
        this.ids = Collections.unmodifiableList(ids);
        this.details = details;
    }

    /**
     * Reads a document.
     *
     * @param document   the document's UTF-8 bytes
     * @param source     what they are, for messages
     * @param wellFormed whether they are known to be well-formed UTF-8 (decoded from a response already)
     * @throws DocumentParseException as {@link JsonDocuments#parse(byte[], String)} for a document that is not JSON
     */
    public static LegacyListFiles read(byte[] document, String source, boolean wellFormed) {
        Store store = new Store();
        return JsonDocuments.read(document, document.length, source, wellFormed, parser -> read(parser, store));
    }

    private static LegacyListFiles read(JsonParser parser, Store store) throws IOException {
        JsonToken root = parser.currentToken();
        if (root == JsonToken.START_ARRAY) {
            List<Element> elements = elements(parser, store, 1);
            return new LegacyListFiles(DocumentShape.TOP_LEVEL_ARRAY, store, Map.of(), elements, null);
        }
        if (root != JsonToken.START_OBJECT) {
            Slice value = store.write(JsonDocuments.readValue(parser), 0);
            return new LegacyListFiles(DocumentShape.SCALAR, store, Map.of(), List.of(), value);
        }
        // a repeated key's last value wins at the first key's position, as in a Python dict
        Map<String, Member> members = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (key.equals("data") && value == JsonToken.START_ARRAY) {
                members.put(key, new Member(null, null, null, elements(parser, store, 2)));
            } else {
                JsonNode tree = JsonDocuments.readValue(parser);
                members.put(
                        key,
                        new Member(
                                store.write(tree, 1),
                                LegacyTomlWriter.contextWindow(tree),
                                LegacyTomlWriter.maxOutputTokens(tree),
                                null));
            }
        }
        Member data = members.get("data");
        if (data != null && data.data() != null) {
            return new LegacyListFiles(DocumentShape.DATA_ARRAY, store, members, data.data(), null);
        }
        List<String> keys = new ArrayList<>(members.keySet());
        keys.sort(CodePointOrder.INSTANCE);
        Map<String, Member> sorted = new LinkedHashMap<>();
        for (String k : keys) {
            sorted.put(k, members.get(k));
        }
        return new LegacyListFiles(DocumentShape.KEYED_OBJECT, store, sorted, List.of(), null);
    }

    /** The elements of the array at the parser, each written at {@code level}, sorted as the legacy tool sorts. */
    private static List<Element> elements(JsonParser parser, Store store, int level) throws IOException {
        List<Element> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonNode element = JsonDocuments.readValue(parser);
            JsonNode id = element.isObject() ? element.get("id") : null;
            String textId = id != null && id.isTextual() && !id.asText().isEmpty() ? id.asText() : null;
            elements.add(new Element(
                    store.write(element, level),
                    id,
                    textId,
                    textId == null ? null : LegacyTomlWriter.contextWindow(element),
                    textId == null ? null : LegacyTomlWriter.maxOutputTokens(element)));
        }
        // List.sort is stable, as Python's sorted()
        elements.sort((a, b) -> ModelList.compareIds(a.id(), b.id()));
        return elements;
    }

    public DocumentShape shape() {
        return shape;
    }

    /** The model ids in file order, duplicates kept: the lines of the txt file. */
    public List<String> ids() {
        return ids;
    }

    /** {@code models_<p>.json}: the sorted document in {@code json.dump(indent=2)}'s layout. */
    public AtomicFiles.Content json() {
        return this::writeJson;
    }

    /** {@code models_<p>.txt}. */
    public AtomicFiles.Content txt() {
        return out -> {
            for (int i = 0; i < ids.size(); i++) {
                if (i > 0) {
                    out.write('\n');
                }
                out.write(ids.get(i).getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    /** {@code models_<p>.toml} ({@link LegacyTomlWriter}'s arguments). */
    public AtomicFiles.Content toml(String provider, String baseUrl, String envKey) {
        return out -> {
            Map<String, String> profiles = LegacyTomlWriter.profiles(provider, ids);
            StringBuilder sb = new StringBuilder(8192);
            // encoded straight from the builder (no String, no byte[] per chunk); not closed: out is the caller's
            Writer utf8 = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            LegacyTomlWriter.header(provider, baseUrl, envKey, profiles.isEmpty(), sb);
            for (Map.Entry<String, String> p : profiles.entrySet()) {
                BigInteger[] d = details.get(p.getValue());
                LegacyTomlWriter.profile(p.getKey(), p.getValue(), provider, d[0], d[1], sb);
                if (sb.length() >= 8000) {
                    utf8.append(sb);
                    sb.setLength(0);
                }
            }
            utf8.append(sb);
            utf8.flush();
        };
    }

    private void writeJson(OutputStream out) throws IOException {
        switch (shape) {
            case SCALAR -> store.writeTo(out, scalar);
            case TOP_LEVEL_ARRAY -> array(out, elements, INDENT_1, '\n');
            default -> {
                if (members.isEmpty()) {
                    out.write('{');
                    out.write('}');
                    return;
                }
                out.write('{');
                boolean first = true;
                for (Map.Entry<String, Member> m : members.entrySet()) {
                    if (!first) {
                        out.write(',');
                    }
                    first = false;
                    out.write(INDENT_1);
                    out.write(key(m.getKey()));
                    if (shape == DocumentShape.DATA_ARRAY && m.getValue().data() != null) {
                        array(out, m.getValue().data(), INDENT_2, INDENT_1);
                    } else {
                        store.writeTo(out, m.getValue().slice());
                    }
                }
                out.write('\n');
                out.write('}');
            }
        }
    }

    private void array(OutputStream out, List<Element> items, byte[] indent, byte[] closing) throws IOException {
        if (items.isEmpty()) {
            out.write('[');
            out.write(']');
            return;
        }
        out.write('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(indent);
            store.writeTo(out, items.get(i).slice());
        }
        out.write(closing);
        out.write(']');
    }

    private void array(OutputStream out, List<Element> items, byte[] indent, char closing) throws IOException {
        array(out, items, indent, new byte[] {(byte) closing});
    }

    /** A member's key as the JSON file writes it: {@code "key": }. */
    private static byte[] key(String key) {
        PythonJsonWriter.Sink sink = new PythonJsonWriter.Sink(null, key.length() + 16);
        sink.string(key);
        sink.raw(new byte[] {':', ' '});
        return java.util.Arrays.copyOf(sink.buf, sink.pos);
    }

    /**
     * Written values, back to back in blocks (no copy of everything when it grows; blocks grow from 16 KiB to 256 KiB,
     * so a small list takes little), each value written first into one scratch buffer. A value may run on into the
     * next block.
     */
    private static final class Store {
        /**
         * Below half of G1's smallest region (1 MiB), so that no block is a humongous object: a 1 MiB array (with
         * its header) took two regions, nearly doubling the store's footprint.
         */
        private static final int MAX_BLOCK = 1 << 18;

        private final List<byte[]> blocks = new ArrayList<>();
        private final PythonJsonWriter.Sink scratch = new PythonJsonWriter.Sink(null, 1 << 14);
        private byte[] block = new byte[0];
        private int used;
        private long total;

        Slice write(JsonNode value, int level) {
            scratch.pos = 0;
            scratch.value(value, level);
            int length = scratch.pos;
            if (used == block.length) {
                next();
            }
            Slice slice = new Slice(blocks.size() - 1, used, length);
            int from = 0;
            while (from < length) {
                if (used == block.length) {
                    next();
                }
                int n = Math.min(length - from, block.length - used);
                System.arraycopy(scratch.buf, from, block, used, n);
                from += n;
                used += n;
            }
            total += length;
            if (scratch.buf.length > MAX_BLOCK) {
                // one huge value: let its buffer go
                scratch.buf = new byte[1 << 14];
            }
            return slice;
        }

        private void next() {
            block = new byte[(int) Math.max(1 << 14, Math.min(MAX_BLOCK, total / 2))];
            blocks.add(block);
            used = 0;
        }

        void writeTo(OutputStream out, Slice slice) throws IOException {
            int b = slice.block();
            int at = slice.offset();
            int left = slice.length();
            while (left > 0) {
                byte[] bytes = blocks.get(b);
                int n = Math.min(left, bytes.length - at);
                out.write(bytes, at, n);
                left -= n;
                b++;
                at = 0;
            }
        }
    }
}
