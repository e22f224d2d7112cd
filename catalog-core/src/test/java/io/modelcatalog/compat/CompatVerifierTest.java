package io.modelcatalog.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.catalog.FileType;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder comparison on the real legacy dump folder {@code bak/}, its strays included, and edited copies. */
class CompatVerifierTest {

    /** Providers of bak/ with all three files. */
    private static final int REGULAR_PROVIDERS = 36;
    /** models_featherless_best.json, models_infermatic_manual.json, models_morphllm.txt, models_nineteenai.txt */
    private static final List<String> STRAY_FILES = List.of(
            "models_featherless_best.json",
            "models_infermatic_manual.json",
            "models_morphllm.txt",
            "models_nineteenai.txt");

    @TempDir
    Path tmp;

    private Path bak;
    private Path output;

    @BeforeEach
    void copyBak() throws IOException, URISyntaxException {
        bak = Path.of(CompatVerifierTest.class.getResource("/legacy-corpus/bak").toURI());
        output = tmp.resolve("models");
        copyFolder(bak, output);
    }

    static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    private static CompatReport verify(Path output, Path reference) throws IOException {
        return new CompatVerifier(CompatOptions.strict()).verify(output, reference);
    }

    private static List<CompatFinding> of(CompatReport report, FindingKind kind) {
        return report.findings().stream().filter(f -> f.kind() == kind).toList();
    }

    private void edit(String file, String from, String to) throws IOException {
        Path p = output.resolve(file);
        String text = Files.readString(p, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), file + " should contain " + from);
        Files.writeString(
                p, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)), StandardCharsets.UTF_8);
    }

    @Test
    void copyOfBakPassesWithItsStraysReported() throws IOException {
        CompatReport report = verify(output, bak);

        assertFalse(report.hasDifferences(), () -> report.differences().toString());
        assertEquals(REGULAR_PROVIDERS * 3 + STRAY_FILES.size(), report.compared());
        assertEquals(report.compared(), report.count(FindingKind.IDENTICAL));
        // each folder checks txt against json and toml against txt for every regular provider
        assertEquals(2 * 2 * REGULAR_PROVIDERS, report.count(FindingKind.CONSISTENT));
        assertEquals(0, report.count(FindingKind.INCONSISTENT));
        // the four extras are incomplete sets in both folders: warnings, not differences
        List<CompatFinding> incomplete = of(report, FindingKind.INCOMPLETE_SET);
        assertEquals(2 * STRAY_FILES.size(), incomplete.size());
        for (String stray : STRAY_FILES) {
            assertTrue(incomplete.stream()
                    .anyMatch(f -> f.file().equals(stray) && f.message().startsWith("output folder")));
            assertTrue(incomplete.stream()
                    .anyMatch(f -> f.file().equals(stray) && f.message().startsWith("reference folder")));
        }
        assertTrue(
                report.summary()
                        .startsWith("112 files compared: 112 identical, 0 same data with different bytes, "
                                + "0 different data, 0 unreadable; 8 strays"),
                report.summary());
    }

    @Test
    void bakAgainstItselfDoesNotCrashOnItsStrays() throws IOException {
        CompatReport report = verify(bak, bak);

        assertFalse(report.hasDifferences());
        assertEquals(8, report.strays().size());
        assertTrue(
                of(report, FindingKind.INCOMPLETE_SET).stream()
                        .anyMatch(f -> f.message()
                                .equals("reference folder: models_morphllm.txt without models_morphllm.json and "
                                        + "models_morphllm.toml: not a complete provider set (a hand-made or leftover file?); "
                                        + "not checked for consistency")),
                () -> report.strays().toString());
    }

    @Test
    void regularOutputAgainstBakReportsTheExtrasAsStraysOnlyInTheReference() throws IOException {
        for (String stray : STRAY_FILES) {
            Files.delete(output.resolve(stray));
        }

        CompatReport report = verify(output, bak);

        assertFalse(report.hasDifferences());
        assertEquals(
                STRAY_FILES,
                of(report, FindingKind.ONLY_IN_REFERENCE).stream()
                        .map(CompatFinding::file)
                        .sorted()
                        .toList());
        assertEquals(
                "models_featherless_best.json: only in the reference folder",
                of(report, FindingKind.ONLY_IN_REFERENCE).get(0).message());
        assertEquals(REGULAR_PROVIDERS * 3, report.count(FindingKind.IDENTICAL));
    }

    @Test
    void aFileOnlyInTheOutputIsAStray() throws IOException {
        Files.writeString(output.resolve("models_local.txt"), "a\nb");

        CompatReport report = verify(output, bak);

        assertFalse(report.hasDifferences());
        List<CompatFinding> only = of(report, FindingKind.ONLY_IN_OUTPUT);
        assertEquals(1, only.size());
        assertEquals("models_local.txt: only in the output folder", only.get(0).message());
    }

    @Test
    void oneChangedFloatIsDifferentDataNamingFileAndPath() throws IOException {
        edit("models_deepinfra.json", "\"input_tokens\": 0.13,", "\"input_tokens\": 0.14,");

        CompatReport report = verify(output, bak);

        assertTrue(report.hasDifferences());
        List<CompatFinding> differences = report.differences();
        assertEquals(1, differences.size(), differences::toString);
        CompatFinding d = differences.get(0);
        assertEquals(FindingKind.DATA, d.kind());
        assertEquals("models_deepinfra.json", d.file());
        assertEquals(
                "models_deepinfra.json: different data at $.data[0].metadata.pricing.input_tokens: "
                        + "reference 0.13, output 0.14",
                d.message());
        assertTrue(report.summary().contains("1 different data"), report.summary());
    }

    @Test
    void anIntegerWhereTheReferenceHasAFloatIsDifferentData() throws IOException {
        edit("models_deepinfra.json", "\"input_tokens\": 0.13,", "\"input_tokens\": 13,");

        CompatFinding d = verify(output, bak).differences().get(0);

        assertEquals(
                "models_deepinfra.json: different data at $.data[0].metadata.pricing.input_tokens: "
                        + "reference 0.13 (float), output 13 (integer)",
                d.message());
    }

    @Test
    void aMissingModelIsDifferentDataAndTheFolderIsInconsistent() throws IOException {
        // drop deepseek-reasoner from the json only
        Path json = output.resolve("models_deepseek.json");
        Files.writeString(
                json,
                "{\n  \"object\": \"list\",\n  \"data\": [\n    {\n      \"id\": \"deepseek-chat\",\n"
                        + "      \"object\": \"model\",\n      \"owned_by\": \"deepseek\"\n    }\n  ]\n}");

        CompatReport report = verify(output, bak);

        List<CompatFinding> differences = report.differences();
        assertEquals(2, differences.size(), differences::toString);
        assertEquals(
                "models_deepseek.json: different data at $.data[1]: reference "
                        + "{\"id\":\"deepseek-reasoner\",\"object\":\"model\",\"owned_by\":\"deepseek\"}, output absent (1 elements)",
                differences.get(0).message());
        assertEquals(FindingKind.INCONSISTENT, differences.get(1).kind());
        assertEquals(
                "output folder: models_deepseek.txt does not match the ids of models_deepseek.json: it has 2 ids, "
                        + "the json 1; first unmatched: line 2 `deepseek-reasoner` (txt)",
                differences.get(1).message());
    }

    @Test
    void reindentedJsonIsSameDataDifferentBytesWithTheFirstPlace() throws IOException {
        Path json = output.resolve("models_deepseek.json");
        Files.writeString(json, Files.readString(json).replace("\n  ", "\n    "));

        CompatFinding d = verify(output, bak).differences().get(0);

        assertEquals(FindingKind.FORMATTING, d.kind());
        assertEquals(
                "models_deepseek.json: same data, different bytes: first at line 2, column 3 "
                        + "(whitespace or indentation): reference `  \"object\": \"list\",`, output `    \"object\": \"list\",`",
                d.message());
    }

    @Test
    void membersInAnotherOrderAreSameDataDifferentBytes() throws IOException {
        edit(
                "models_deepseek.json",
                "      \"id\": \"deepseek-chat\",\n      \"object\": \"model\",",
                "      \"object\": \"model\",\n      \"id\": \"deepseek-chat\",");

        CompatFinding d = verify(output, bak).differences().get(0);

        assertEquals(FindingKind.FORMATTING, d.kind());
        assertTrue(
                d.message()
                        .startsWith("models_deepseek.json: same data, different bytes: members of $.data[0] in a "
                                + "different order: reference [id, object, owned_by], output [object, id, owned_by]; first byte "
                                + "difference at line 5, column 8 (layout): "),
                d.message());
    }

    @Test
    void anotherNumberNotationIsSameDataDifferentBytes() throws IOException {
        edit("models_chutes.json", "2.9452365658188216e-05", "0.000029452365658188216");

        CompatFinding d = verify(output, bak).differences().get(0);

        assertEquals(FindingKind.FORMATTING, d.kind());
        assertTrue(
                d.message()
                        .startsWith("models_chutes.json: same data, different bytes: first at line 9, column 18 "
                                + "(number notation): reference `          \"tao\": 2.9452365658188216e-05,`"),
                d.message());
    }

    @Test
    void anUnescapedCharacterIsSameDataDifferentBytes() throws IOException {
        edit("models_deepinfra.json", "struggle with\\u2014including", "struggle with\u2014including");

        CompatFinding d = verify(output, bak).differences().get(0);

        assertEquals(FindingKind.FORMATTING, d.kind());
        assertTrue(
                d.message().contains("(string escaping): reference ...`tional OCR tools struggle with\\u2014including"),
                d.message());
        assertTrue(d.message().contains("output ...`tional OCR tools struggle with\u2014including"), d.message());
    }

    @Test
    void aTrailingNewlineInTheTxtIsFormatting() throws IOException {
        Files.writeString(output.resolve("models_zai.txt"), Files.readString(bak.resolve("models_zai.txt")) + "\n");

        CompatReport report = verify(output, bak);

        CompatFinding d = report.differences().get(0);
        assertEquals(1, report.differences().size());
        assertEquals(
                "models_zai.txt: same data, different bytes: first at line 2, column 12 (trailing whitespace or "
                        + "newline: the output has 1 more byte): reference `glm-4.5-air` (end of file), output `glm-4.5-air\\n`",
                d.message());
    }

    @Test
    void crlfLineEndingsInTheTxtAreFormatting() throws IOException {
        Files.writeString(
                output.resolve("models_zai.txt"),
                Files.readString(bak.resolve("models_zai.txt")).replace("\n", "\r\n"));

        CompatFinding d = verify(output, bak).differences().get(0);

        assertEquals(FindingKind.FORMATTING, d.kind());
        assertTrue(d.message().contains("first at line 1, column 8 (line endings)"), d.message());
    }

    @Test
    void aChangedIdInTheTxtIsDifferentDataByLine() throws IOException {
        Files.writeString(output.resolve("models_zai.txt"), "glm-4.5\nglm-4.6");

        CompatReport report = verify(output, bak);

        assertEquals(
                "models_zai.txt: different data at line 2: reference `glm-4.5-air`, output `glm-4.6`",
                report.differences().get(0).message());
        assertEquals(
                "output folder: models_zai.txt does not match the ids of models_zai.json: line 2 is `glm-4.6`, "
                        + "the json's id there is `glm-4.5-air`",
                report.differences().get(1).message());
    }

    @Test
    void aChangedContextWindowInTheTomlNamesTheKey() throws IOException {
        edit("models_litellm.toml", "model_context_window = 77", "model_context_window = 78");

        CompatReport report = verify(output, bak);

        assertEquals(1, report.differences().size());
        assertEquals(
                "models_litellm.toml: different data at profiles.lit_1024_x_1024_50_steps.model_context_window: "
                        + "reference 77, output 78",
                report.differences().get(0).message());
    }

    @Test
    void aLocalServersBaseUrlDiffersUnlessIgnored() throws IOException {
        edit(
                "models_zai.toml",
                "base_url = \"https://api.z.ai/api/paas/v4\"",
                "base_url = \"http://127.0.0.1:41234/zai\"");

        CompatReport strict = verify(output, bak);
        assertEquals(
                "models_zai.toml: different data at model_providers.zai.base_url: reference "
                        + "\"https://api.z.ai/api/paas/v4\", output \"http://127.0.0.1:41234/zai\"",
                strict.differences().get(0).message());
        assertEquals("model_providers.zai.base_url", strict.differences().get(0).location());
        assertTrue(strict.differences().get(0).baseUrlDiffers());

        CompatReport lenient = new CompatVerifier(new CompatOptions(true)).verify(output, bak);
        assertFalse(lenient.hasDifferences(), () -> lenient.differences().toString());
        assertEquals(lenient.compared(), lenient.count(FindingKind.IDENTICAL));
    }

    @Test
    void ignoringTheBaseUrlStillSeesOtherDifferencesInTheToml() throws IOException {
        edit(
                "models_zai.toml",
                "base_url = \"https://api.z.ai/api/paas/v4\"",
                "base_url = \"http://127.0.0.1:41234/zai\"");
        edit("models_zai.toml", "wire_api = \"chat\"", "wire_api = \"responses\"");

        CompatReport report = new CompatVerifier(new CompatOptions(true)).verify(output, bak);

        assertEquals(
                "models_zai.toml: different data at model_providers.zai.wire_api: reference \"chat\", "
                        + "output \"responses\"",
                report.differences().get(0).message());
        assertFalse(report.differences().get(0).baseUrlDiffers());
    }

    @Test
    void aTomlWithoutAProfileIsDifferentDataAndInconsistent() throws IOException {
        edit(
                "models_zai.toml",
                "\n[profiles.zai_glm_4_5_air]\napproval_policy = \"never\"\nmodel = \"glm-4.5-air\"\n"
                        + "model_provider = \"zai\"\nmodel_reasoning_effort = \"high\"\n",
                "");

        CompatReport report = verify(output, bak);

        List<CompatFinding> differences = report.differences();
        assertEquals(2, differences.size(), differences::toString);
        assertTrue(
                differences
                        .get(0)
                        .message()
                        .startsWith("models_zai.toml: different data at profiles.zai_glm_4_5_air: "
                                + "reference {\"approval_policy\":\"never\""),
                differences.get(0).message());
        assertEquals(
                "output folder: models_zai.toml does not match models_zai.txt under the legacy profile naming: it "
                        + "has 1 profile tables, the txt's 2 ids give 2; first unmatched: [profiles.zai_glm_4_5_air] "
                        + "(id `glm-4.5-air`)",
                differences.get(1).message());
    }

    @Test
    void aProfileWithTheWrongModelIsInconsistent() throws IOException {
        edit("models_zai.toml", "model = \"glm-4.5-air\"", "model = \"glm-4.5-airy\"");

        CompatReport report = verify(output, bak);

        assertEquals(
                "output folder: models_zai.toml does not match models_zai.txt under the legacy profile naming: "
                        + "[profiles.zai_glm_4_5_air] has model \"glm-4.5-airy\", the txt gives `glm-4.5-air`",
                of(report, FindingKind.INCONSISTENT).get(0).message());
    }

    @Test
    void anUnreadableJsonIsReportedWithLineAndColumn() throws IOException {
        Files.writeString(output.resolve("models_deepseek.json"), "{\n  \"object\": \"list\",\n  \"data\": [\n}");

        CompatReport report = verify(output, bak);

        List<CompatFinding> unreadable = of(report, FindingKind.UNREADABLE);
        assertEquals(1, unreadable.size(), report.findings()::toString);
        assertTrue(
                unreadable
                        .get(0)
                        .message()
                        .startsWith(
                                "output folder: " + output.resolve("models_deepseek.json") + ":4:1: not valid JSON"),
                unreadable.get(0).message());
        assertTrue(report.summary().contains("1 unreadable"));
    }

    @Test
    void anUnreadableTomlIsReportedWithLine() throws IOException {
        edit("models_zai.toml", "wire_api = \"chat\"", "wire_api = \"chat");

        List<CompatFinding> unreadable = of(verify(output, bak), FindingKind.UNREADABLE);

        assertEquals(1, unreadable.size());
        assertTrue(
                unreadable.get(0).message().startsWith("output folder: " + output.resolve("models_zai.toml") + ":4:"),
                unreadable.get(0).message());
    }

    @Test
    void aStructuredOutputFolderComparesWithAFlatReference() throws IOException {
        Path structured = tmp.resolve("structured");
        for (FileType t : FileType.values()) {
            Files.createDirectories(structured.resolve(t.extension()));
        }
        try (Stream<Path> files = Files.list(bak)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                String ext = name.substring(name.lastIndexOf('.') + 1);
                Files.copy(f, structured.resolve(ext).resolve(name));
            }
        }

        CompatReport report = verify(structured, bak);

        assertFalse(report.hasDifferences(), () -> report.differences().toString());
        assertEquals(112, report.count(FindingKind.IDENTICAL));
        assertTrue(of(report, FindingKind.INCOMPLETE_SET).stream()
                .anyMatch(f -> f.message().startsWith("output folder: txt/models_morphllm.txt without")));
    }

    @Test
    void aMissingFolderIsNamed() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> verify(tmp.resolve("nope"), bak));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
        assertTrue(e.getMessage().contains("output folder does not exist"), e.getMessage());
    }

    @Test
    void otherFilesAreNotCompared() throws IOException {
        Files.writeString(output.resolve("failed_models.json"), "{}");
        Files.writeString(output.resolve("chutes_chutes.json"), "[]");

        CompatReport report = verify(output, bak);

        assertFalse(report.hasDifferences());
        assertEquals(0, of(report, FindingKind.ONLY_IN_OUTPUT).size());
    }

    /* A comparison of nothing is no proof. */

    @Test
    void anEmptyOutputFolderComparesNothingAndSaysWhichSideIsEmpty() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve("failed_models.json"), "{}\n"); // a fetch without keys leaves just this

        CompatReport report = verify(empty, bak);

        assertEquals(CompatReport.Coverage.OUTPUT_EMPTY, report.coverage());
        assertEquals(0, report.compared());
        assertEquals(112, report.referenceFiles());
        assertEquals(
                "the output folder " + empty + " holds no models_<p>.json, .txt or .toml file (the reference folder "
                        + "holds 112): a fetch with no API key set leaves it empty, or it is not the catalog folder",
                report.nothingCompared().orElseThrow());
    }

    @Test
    void anEmptyReferenceFolderComparesNothing() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        CompatReport report = verify(output, empty);

        assertEquals(CompatReport.Coverage.REFERENCE_EMPTY, report.coverage());
        assertTrue(report.nothingCompared().orElseThrow().startsWith("the reference folder " + empty + " holds no "));
        assertEquals(CompatReport.Coverage.BOTH_EMPTY, verify(empty, empty).coverage());
    }

    @Test
    void foldersWithoutAFileInCommonCompareNothing() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("models_somewhere_else.txt"), "m\n");

        CompatReport report = verify(other, bak);

        assertEquals(CompatReport.Coverage.NOTHING_IN_COMMON, report.coverage());
        assertTrue(report.nothingCompared().orElseThrow().contains("have no provider file in common"));
        assertEquals(CompatReport.Coverage.COMPARED, verify(output, bak).coverage());
        assertEquals(java.util.Optional.empty(), verify(output, bak).nothingCompared());
    }

    /* One rule for a folder holding both layouts, the same as generate-configs': the flat files. */

    @Test
    void aFolderWithBothLayoutsIsComparedByItsFlatFiles() throws IOException {
        Path json = Files.createDirectories(output.resolve("json"));
        Files.writeString(json.resolve("models_deepseek.json"), "{\"data\": []}"); // an old structured fetch

        CompatReport report = verify(output, bak);

        assertFalse(report.hasDifferences(), () -> report.differences().toString());
        assertEquals(
                io.modelcatalog.catalog.CatalogLayout.LEGACY,
                io.modelcatalog.catalog.CatalogFolder.detect(output).layout());
        assertEquals(
                "1 in json/",
                io.modelcatalog.catalog.CatalogFolder.bothLayouts(output)
                        .map(b -> b.structured() + " in json/")
                        .orElseThrow());
    }
}
