package io.modelcatalog.legacy.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.documents.DocumentParseException;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.documents.ModelList;
import io.modelcatalog.files.AtomicFiles;
import io.modelcatalog.legacy.LegacyListFiles;
import io.modelcatalog.legacy.LegacyTomlWriter;
import io.modelcatalog.legacy.LegacyTxtWriter;
import io.modelcatalog.legacy.PythonJsonWriter;
import io.modelcatalog.testing.LegacyCorpus;
import io.modelcatalog.testing.SyntheticModelList;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link LegacyListFiles}, which writes the legacy files one model at a time, gives the bytes of the whole-tree
 * writers ({@link ModelList}, {@link PythonJsonWriter}, {@link LegacyTxtWriter}, {@link LegacyTomlWriter}) for every
 * corpus response and thousands of generated edge-case documents, and fails where they fail, with the same message.
 */
class StreamedFilesEquivalenceTest {

    private static final int GENERATED = Integer.getInteger("legacy.streamed.documents", 3000);

    @Test
    void corpusResponses() throws IOException {
        List<String> differing = new ArrayList<>();
        for (String p : LegacyCorpus.providerNames()) {
            compare(p, LegacyCorpus.response(p), differing);
        }
        compare("chutes-api", LegacyCorpus.chutesApi(), differing);
        assertEquals(List.of(), differing);
    }

    @Test
    void generatedDocuments() throws IOException {
        List<String> differing = new ArrayList<>();
        long seed = 11;
        int parsed = 0;
        for (int i = 0; i < GENERATED; i++) {
            parsed += compare(
                            "generated #" + i,
                            DocumentGenerator.document(seed, i).body(),
                            differing)
                    ? 1
                    : 0;
        }
        assertEquals(List.of(), differing, "seed " + seed);
        assertTrue(parsed > GENERATED / 2, parsed + " of " + GENERATED + " documents parsed");
    }

    /**
     * Hand-picked models: every kind of value, escapes and big or special numbers, the TOML's fields as strings,
     * booleans and through {@code top_provider}, and repeated keys at each depth (Python keeps the last value at the
     * first key's position), in a data array, a top-level array and a keyed document.
     */
    @Test
    void handPickedModelsAndRepeatedKeys() throws IOException {
        List<String> documents = List.of(
                // every kind of value, escapes, a surrogate pair, big and special numbers, empty containers
                "{\"object\": \"list\", \"data\": [{\"id\": \"b\", \"s\": \"\u00e9\\n\\\"\\\\\\u0001\ud83d\ude00\","
                        + " \"n\": 123456789012345678901234567890, \"m\": -9223372036854775808, \"f\": 0.1,"
                        + " \"g\": -0.0, \"h\": 1e22, \"i\": NaN, \"t\": true, \"u\": false, \"v\": null,"
                        + " \"e\": [], \"o\": {}, \"nest\": [[1, {\"a\": [2, 3.5]}], {}]},"
                        + " {\"id\": \"a\", \"context_length\": \"8192\", \"top_provider\": {\"context_length\": 0,"
                        + " \"context_length\": 4096}, \"max_completion_tokens\": true}, 7, \"x\", [1]]}",
                // a repeated key inside a model's nested object
                "{\"data\": [{\"id\": \"b\", \"x\": {\"k\": 1, \"y\": 0, \"k\": 2}}, {\"id\": \"a\"}]}",
                // a model repeating its id, in a top-level array
                "[{\"id\": \"z\", \"max_tokens\": 5, \"id\": \"a\"}, {\"id\": \"m\"}]",
                // a keyed document whose member repeats a key deep down
                "{\"m2\": {}, \"m1\": {\"max_tokens\": 1, \"x\": [1, {\"y\": 1, \"y\": [2]}], \"max_tokens\": 7}}",
                // a keyed document without repeated keys
                "{\"m2\": {\"max_input_tokens\": 3, \"max_tokens\": 9}, \"m1\": [1, {\"q\": null}], \"m3\": \"s\"}");
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            assertTrue(compare("document " + i, documents.get(i).getBytes(StandardCharsets.UTF_8), differing), "" + i);
        }
        assertEquals(List.of(), differing);
    }

    @Test
    void aLargeSyntheticList() throws IOException {
        List<String> differing = new ArrayList<>();
        compare("synthetic", SyntheticModelList.body(20_000, 7), differing);
        assertEquals(List.of(), differing);
    }

    /** Whether the document parsed. */
    private static boolean compare(String what, byte[] body, List<String> differing) throws IOException {
        JsonNode tree;
        try {
            tree = JsonDocuments.parse(body, what);
        } catch (DocumentParseException expected) {
            try {
                LegacyListFiles.read(body, what, false);
                fail(what + ": parses streamed, not as a tree: " + expected.getMessage());
            } catch (DocumentParseException e) {
                assertEquals(expected.getMessage(), e.getMessage(), what);
            }
            return false;
        }
        ModelList list = ModelList.of(tree);
        LegacyListFiles files = LegacyListFiles.read(body, what, false);
        assertEquals(list.shape(), files.shape(), what);
        assertEquals(list.ids(), files.ids(), what);
        check(what + " json", PythonJsonWriter.toBytes(list.document()), files.json(), differing);
        check(what + " txt", LegacyTxtWriter.toBytes(list), files.txt(), differing);
        check(
                what + " toml",
                LegacyTomlWriter.toBytes("prov-1", "http://127.0.0.1:1/v1", "PROV_KEY", list),
                files.toml("prov-1", "http://127.0.0.1:1/v1", "PROV_KEY"),
                differing);
        return true;
    }

    private static void check(String what, byte[] expected, AtomicFiles.Content content, List<String> differing)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        content.writeTo(out);
        byte[] actual = out.toByteArray();
        if (!Arrays.equals(expected, actual)) {
            int at = Arrays.mismatch(expected, actual);
            differing.add(what + " differs at byte " + at + ": expected ..." + excerpt(expected, at) + "... but was ..."
                    + excerpt(actual, at) + "...");
        }
    }

    private static String excerpt(byte[] b, int at) {
        int from = Math.max(0, at - 40);
        int to = Math.min(b.length, at + 40);
        return new String(b, from, Math.max(0, to - from), StandardCharsets.UTF_8);
    }
}
