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
