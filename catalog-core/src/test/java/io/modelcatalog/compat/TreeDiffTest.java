package io.modelcatalog.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.documents.JsonDocuments;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Data equality and paths of the folder comparison, on small documents. */
class TreeDiffTest {

    private static final TreeDiff JSON = new TreeDiff(TreeDiff.PathStyle.JSON);
    private static final TreeDiff TOML = new TreeDiff(TreeDiff.PathStyle.TOML);

    private static JsonNode json(String text) {
        return JsonDocuments.parse(text.getBytes(StandardCharsets.UTF_8), "test");
    }

    private static JsonNode toml(String text) throws Exception {
        return LegacyFiles.toml(text.getBytes(StandardCharsets.UTF_8), "test");
    }

    private static Optional<TreeDiff.Difference> json(String reference, String output) {
        return JSON.firstDataDifference(json(reference), json(output));
    }

    @Test
    void numbersCompareByValueWithinTheirKind() {
        assertTrue(json("{\"a\": 1e-06}", "{\"a\": 0.000001}").isEmpty());
        assertTrue(json("{\"a\": 123456789012345678901234567890}", "{\"a\": 123456789012345678901234567890}")
                .isEmpty());
        assertTrue(json("[NaN, -0.0]", "[NaN, 0.0]").isEmpty(), "NaN is the same literal; -0.0 == 0.0 as in Python");
        assertEquals(
                new TreeDiff.Difference("$.a", "1 (integer)", "1.0 (float)"),
                json("{\"a\": 1}", "{\"a\": 1.0}").get());
        assertEquals(
                new TreeDiff.Difference("$.a", "123456789012345678901234567890", "123456789012345678901234567891"),
                json("{\"a\": 123456789012345678901234567890}", "{\"a\": 123456789012345678901234567891}")
                        .get());
    }

    @Test
    void pathsQuoteNamesThatAreNoIdentifiers() {
        assertEquals(
                "$[\"gpt-4o\"].max_tokens",
                json("{\"gpt-4o\": {\"max_tokens\": 1}}", "{\"gpt-4o\": {\"max_tokens\": 2}}")
                        .get()
                        .path());
        assertEquals(
                "$.data[1]", json("{\"data\": [1, 2]}", "{\"data\": [1]}").get().path());
        assertEquals(
                "absent (1 elements)",
                json("{\"data\": [1, 2]}", "{\"data\": [1]}").get().output());
        assertEquals(
                new TreeDiff.Difference("$.extra", "absent", "true"),
                json("{\"a\": 1}", "{\"a\": 1, \"extra\": true}").get());
        assertEquals(
                new TreeDiff.Difference("$.a", "\"x\" (string)", "null (null)"),
                json("{\"a\": \"x\"}", "{\"a\": null}").get());
    }

    @Test
    void memberOrderIsNotDataButIsFound() {
        JsonNode a = json("{\"data\": [{\"id\": \"m\", \"object\": \"model\"}]}");
        JsonNode b = json("{\"data\": [{\"object\": \"model\", \"id\": \"m\"}]}");
        assertTrue(JSON.firstDataDifference(a, b).isEmpty());
        assertEquals(
                "members of $.data[0] in a different order: reference [id, object], output [object, id]",
                JSON.firstKeyOrderDifference(a, b).get());
    }

    @Test
    void tomlKeysAreDottedAndTableOrderIsFormatting() throws Exception {
        JsonNode a =
                toml("[profiles.a_x]\nmodel = \"x\"\n\n[profiles.\"b.y\"]\nmodel = \"y\"\nmodel_context_window = 8\n");
        JsonNode b =
                toml("[profiles.\"b.y\"]\nmodel = \"y\"\nmodel_context_window = 9\n\n[profiles.a_x]\nmodel = \"x\"\n");
        assertEquals(
                new TreeDiff.Difference("profiles.\"b.y\".model_context_window", "8", "9"),
                TOML.firstDataDifference(a, b).get());

        JsonNode c =
                toml("[profiles.\"b.y\"]\nmodel = \"y\"\nmodel_context_window = 8\n\n[profiles.a_x]\nmodel = \"x\"\n");
        assertTrue(TOML.firstDataDifference(a, c).isEmpty());
        assertEquals(
                "members of profiles in a different order: reference [a_x, b.y], output [b.y, a_x]",
                TOML.firstKeyOrderDifference(a, c).get());
    }

    @Test
    void longValuesAreCut() {
        String longText = "x".repeat(500);
        String shown =
                json("{\"a\": \"" + longText + "\"}", "{\"a\": \"y\"}").get().reference();
        assertEquals(123, shown.length());
        assertTrue(shown.endsWith("..."));
    }
}
