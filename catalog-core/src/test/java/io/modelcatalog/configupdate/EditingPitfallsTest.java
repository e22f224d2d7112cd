package io.modelcatalog.configupdate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.configediting.ConfigEditException;
import io.modelcatalog.facts.ModelFacts;
import io.modelcatalog.facts.ModelKind;
import io.modelcatalog.providers.ProviderKind;
import io.modelcatalog.toolconfigs.ProviderModels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each pitfall of editing YAML and TOML by parser positions, as its own test, byte for byte. */
class EditingPitfallsTest {

    static final Path AICHAT = Path.of("/h/aichat.yaml").toAbsolutePath();
    static final Path MODS = Path.of("/h/mods.yml").toAbsolutePath();
    static final Path CODEX = Path.of("/h/codex").toAbsolutePath();

    /** groq with one model, as the generators write it. */
    static final List<ProviderModels> GROQ = List.of(new ProviderModels(
            "groq",
            ProviderKind.OPENAI,
            "GROQ_API_KEY",
            "https://api.groq.com/openai/v1",
            "models_groq.json",
            List.of(ModelFacts.builder("m1")
                    .contextWindow(1000L)
                    .kind(ModelKind.CHAT)
                    .build())));

    /** What merge appends to a groq client that has no models, at 4-space key indentation. */
    static final String MODELS_BLOCK = "    models:\n      - name: \"m1\"\n        max_input_tokens: 1000\n";

    static String aichat(String before) {
        return aichat(before, MergeStrategy.MERGE);
    }

    static String aichat(String before, MergeStrategy strategy) {
        byte[] after = run(new AichatMerger(AICHAT), AICHAT, before.getBytes(StandardCharsets.UTF_8), strategy);
        String text = new String(after, StandardCharsets.UTF_8);
        // a second run changes nothing
        assertEquals(text, new String(run(new AichatMerger(AICHAT), AICHAT, after, strategy), StandardCharsets.UTF_8));
        return text;
    }

    /** The bytes a merge writes; fails when it leaves the file alone or removes it. */
    static byte[] written(FileMerge merge) {
        return assertInstanceOf(FileMerge.Write.class, merge).after();
    }

    static byte[] run(ConfigMerger merger, Path file, byte[] before, MergeStrategy strategy) {
        return written(merger.merge(GROQ, strategy, Map.of(file, before)).get(0));
    }

    static String client(String extra) {
        return "  - type: openai-compatible\n    name: groq\n    api_base: https://api.groq.com/openai/v1\n" + extra;
    }

    @Test
    void anEmojiBeforeTheEditedEntryCountsAsOneCodePoint() {
        String before = "note: \"\uD83D\uDE00\uD83D\uDE00 smile\"\nclients:\n" + client("");
        assertEquals(before + MODELS_BLOCK, aichat(before));
    }

    @Test
    void aByteOrderMarkIsKept() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String body = "clients:\n" + client("");
        byte[] before = concat(bom, body.getBytes(StandardCharsets.UTF_8));
        byte[] after = run(new AichatMerger(AICHAT), AICHAT, before, MergeStrategy.MERGE);
        assertEquals(
                new String(concat(bom, (body + MODELS_BLOCK).getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8),
                new String(after, StandardCharsets.UTF_8));
    }

    @Test
    void crlfFilesGetCrlfLines() {
        String before = ("clients:\n" + client("")).replace("\n", "\r\n");
        assertEquals(before + MODELS_BLOCK.replace("\n", "\r\n"), aichat(before));
    }

    @Test
    void blankLinesAndTheNextEntrysCommentAreNotPartOfTheEntry() {
        String before = "clients:\n" + client("") + "\n  # my own client\n  - type: openai\n    api_key: x\n";
        assertEquals(
                "clients:\n" + client("") + MODELS_BLOCK + "\n  # my own client\n  - type: openai\n    api_key: x\n",
                aichat(before));
    }

    @Test
    void aBlockScalarAtTheEndOfTheEntryKeepsItsText() {
        String scalar = "    notes: |\n      first\n\n      second\n\n";
        String before = "clients:\n" + client(scalar) + "other: 1\n";
        assertEquals(
                "clients:\n" + client("    notes: |\n      first\n\n      second\n") + MODELS_BLOCK + "\nother: 1\n",
                aichat(before));
    }

    @Test
    void aKeepChompedBlockScalarKeepsItsTrailingLines() {
        String before = "clients:\n" + client("    notes: |+\n      text\n\n") + "other: 1\n";
        String after = aichat(before);
        assertTrue(after.startsWith("clients:\n" + client("    notes: |+\n      text\n\n") + MODELS_BLOCK), after);
    }

    @Test
    void anEmptyFlowListBecomesABlockList() {
        String before = "clients:\n" + client("    models: []  # none yet\n") + "x: 1\n";
        assertEquals(
                "clients:\n" + client("    models:  # none yet\n      - name: \"m1\"\n        max_input_tokens: 1000\n")
                        + "x: 1\n",
                aichat(before));
    }

    @Test
    void aFlowListOfModelsIsMergedKeepingTheUsersModels() {
        String before = "clients:\n" + client("    models: [{name: mine, max_input_tokens: 5}]\n");
        assertEquals(
                "clients:\n"
                        + client(
                                "    models: [{name: mine, max_input_tokens: 5}, {name: m1, max_input_tokens: 1000}]\n"),
                aichat(before));
    }

    @Test
    void anAliasAsTheEntrysLastValueHasItsOwnSpan() {
        String before = "key: &k secret\nclients:\n" + client("    api_key: *k\n") + "tail: *k\n";
        assertEquals(
                "key: &k secret\nclients:\n" + client("    api_key: *k\n") + MODELS_BLOCK + "tail: *k\n",
                aichat(before));
    }

    @Test
    void anAnchorOnTheNextEntryStaysWithIt() {
        String before = "clients:\n" + client("") + "  - &theirs\n    type: openai\nother: *theirs\n";
        assertEquals(
                "clients:\n" + client("") + MODELS_BLOCK + "  - &theirs\n    type: openai\nother: *theirs\n",
                aichat(before));
    }

    @Test
    void anAnchorInsideAnEntryThatIsRewrittenIsAnError() {
        String before = "clients:\n" + client("    api_key: &k secret\n") + "other: *k\n";
        ConfigEditException e = assertThrows(ConfigEditException.class, () -> aichat(before, MergeStrategy.REPLACE));
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("*k"), e.getMessage());
        // merge keeps the user's api_key (and its anchor)
        assertEquals(before.replace("other", MODELS_BLOCK.stripTrailing() + "\nother"), aichat(before));
    }

    @Test
    void aCommentOnTheEntrysLastLineStaysOnIt() {
        String before = "clients:\n" + client("    api_key: x # my key\n") + "# after\n";
        assertEquals("clients:\n" + client("    api_key: x # my key\n") + MODELS_BLOCK + "# after\n", aichat(before));
    }

    @Test
    void aFileWithoutAFinalNewlineGetsNone() {
        String before = "clients:\n" + client("").stripTrailing();
        assertEquals("clients:\n" + client("") + MODELS_BLOCK.stripTrailing(), aichat(before));
    }

    @Test
    void newEntriesFollowTheFilesIndentation() {
        String before = "clients:\n- type: openai\n  api_key: x\nsettings:\n    deep: 1\n";
        assertEquals(
                "clients:\n- type: openai\n  api_key: x\n- type: openai-compatible\n  name: \"groq\"\n"
                        + "  api_base: \"https://api.groq.com/openai/v1\"\n  models:\n  - name: \"m1\"\n"
                        + "    max_input_tokens: 1000\nsettings:\n    deep: 1\n",
                aichat(before));
    }

    @Test
    void aTopLevelEntryOfTheWrongShapeIsAnErrorAtItsPosition() {
        ConfigEditException clients =
                assertThrows(ConfigEditException.class, () -> aichat("model: groq:m1\nclients:\n  groq: {}\n"));
        assertEquals(
                AICHAT + ", line 3, column 3: 'clients' is not a list: make it a list of clients"
                        + " ('- type: ...'), as aichat expects",
                clients.getMessage());
        byte[] mods = "apis:\n  - groq\n".getBytes(StandardCharsets.UTF_8);
        ConfigEditException apis = assertThrows(
                ConfigEditException.class, () -> run(new ModsMerger(MODS), MODS, mods, MergeStrategy.MERGE));
        assertEquals(
                MODS + ", line 2, column 3: 'apis' is not a mapping: make it a mapping of API names to their"
                        + " settings, as mods expects",
                apis.getMessage());
        // an empty entry ('clients:' alone) is not of the wrong shape: the clients are added under it
        assertTrue(aichat("clients:\n").contains("- type: openai-compatible"), aichat("clients:\n"));
    }

    @Test
    void tabIndentationIsAnErrorNamingTheFix() {
        ConfigEditException e = assertThrows(ConfigEditException.class, () -> aichat("clients:\n\t- type: openai\n"));
        assertEquals(2, e.line());
        assertTrue(e.remedy().contains("spaces"), e.getMessage());
    }

    @Test
    void duplicateKeysAreAnError() {
        ConfigEditException e = assertThrows(ConfigEditException.class, () -> aichat("a: 1\nclients: []\na: 2\n"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("repeats a key"), e.getMessage());
        ConfigEditException t = assertThrows(
                ConfigEditException.class, () -> codex("[model_providers.groq]\nname = \"a\"\nname = \"b\"\n"));
        assertEquals(3, t.line());
        assertTrue(t.getMessage().contains("repeats a key"), t.getMessage());
    }

    @Test
    void twoClientsForOneProviderAreAnError() {
        ConfigEditException e =
                assertThrows(ConfigEditException.class, () -> aichat("clients:\n" + client("") + client("")));
        assertTrue(e.getMessage().contains("two clients are 'groq'"), e.getMessage());
    }

    @Test
    void aNamelessBuiltInClientIsMatchedByTypeAndKeepsHavingNoName() {
        List<ProviderModels> anthropic = List.of(new ProviderModels(
                "anthropic",
                ProviderKind.ANTHROPIC,
                "ANTHROPIC_API_KEY",
                "https://api.anthropic.com/v1",
                "x",
                List.of()));
        String before = "clients:\n  - type: claude\n    api_key: k\n";
        String after = new String(
                written(new AichatMerger(AICHAT)
                        .merge(anthropic, MergeStrategy.MERGE, Map.of(AICHAT, before.getBytes(StandardCharsets.UTF_8)))
                        .get(0)),
                StandardCharsets.UTF_8);
        assertEquals(
                "clients:\n  - type: claude\n    api_key: k\n    api_base: \"https://api.anthropic.com/v1\"\n"
                        + "    models: []\n",
                after);
    }

    // ---- TOML ----

    static String codex(String before) {
        Path config = CODEX.resolve("config.toml");
        CodexMerger merger = new CodexMerger(CODEX, false);
        byte[] after =
                written(merger.merge(GROQ, MergeStrategy.MERGE, Map.of(config, before.getBytes(StandardCharsets.UTF_8)))
                        .get(0));
        byte[] again = written(
                merger.merge(GROQ, MergeStrategy.MERGE, Map.of(config, after)).get(0));
        assertEquals(new String(after, StandardCharsets.UTF_8), new String(again, StandardCharsets.UTF_8));
        return new String(after, StandardCharsets.UTF_8);
    }

    static final String GROQ_TABLE =
            "[model_providers.groq]\nname = \"groq\"\nbase_url = \"https://api.groq.com/openai/v1\"\n"
                    + "env_key = \"GROQ_API_KEY\"\nwire_api = \"responses\"\n";

    @Test
    void tomlDottedKeysAreEditedInPlace() {
        String before = "[model_providers]\ngroq.name = \"groq\"\ngroq.wire_api = \"chat\" # old\nother.name = \"o\"\n";
        assertEquals(
                "[model_providers]\ngroq.name = \"groq\"\ngroq.wire_api = \"responses\" # old\n"
                        + "groq.base_url = \"https://api.groq.com/openai/v1\"\ngroq.env_key = \"GROQ_API_KEY\"\n"
                        + "other.name = \"o\"\n",
                codex(before));
    }

    @Test
    void tomlEmojiCrlfAndACommentOnTheLastLine() {
        String before =
                "x = \"\uD83D\uDE00\"\r\n\r\n[model_providers.groq]\r\nname = \"groq\"\r\nwire_api = \"chat\" # mine\r\n"
                        + "\r\n# next\r\n[tui]\r\ny = 1\r\n";
        String after = codex(before);
        assertEquals(
                "x = \"\uD83D\uDE00\"\r\n\r\n[model_providers.groq]\r\nname = \"groq\"\r\nwire_api = \"responses\" # mine\r\n"
                        + "base_url = \"https://api.groq.com/openai/v1\"\r\nenv_key = \"GROQ_API_KEY\"\r\n"
                        + "\r\n# next\r\n[tui]\r\ny = 1\r\n",
                after);
    }

    @Test
    void tomlByteOrderMarkIsKeptThoughTomljRejectsIt() {
        String after = codex("\uFEFFa = 1\n");
        assertEquals("\uFEFFa = 1\n\n" + GROQ_TABLE, after);
    }

    @Test
    void tomlWithoutAFinalNewline() {
        assertEquals("[tui]\ny = 1\n\n" + GROQ_TABLE.stripTrailing(), codex("[tui]\ny = 1"));
    }

    @Test
    void aNewTomlTableGoesAfterTheLastProviderBeforeTheNextSectionsComment() {
        String before = "[model_providers.a]\nname = \"a\"\n\n# profiles\n[profiles.x]\nmodel = \"m\"\n";
        assertEquals(
                "[model_providers.a]\nname = \"a\"\n\n" + GROQ_TABLE + "\n# profiles\n[profiles.x]\nmodel = \"m\"\n",
                codex(before));
    }

    @Test
    void tomlThatDoesNotParseNamesLineAndColumn() {
        ConfigEditException e = assertThrows(ConfigEditException.class, () -> codex("a = 1\nb = \"unterminated\n"));
        assertEquals(2, e.line());
        assertTrue(e.column() > 0);
    }

    @Test
    void profileFilesAreWrittenOnlyOverTheirOwn() {
        CodexMerger merger = new CodexMerger(CODEX, true);
        Path own = CODEX.resolve("groq_m1.config.toml");
        Map<Path, byte[]> current = Map.of(own, "# my own profile\nmodel = \"m1\"\n".getBytes(StandardCharsets.UTF_8));
        List<FileMerge> out = merger.merge(GROQ, MergeStrategy.MERGE, current);
        FileMerge profile =
                out.stream().filter(f -> f.file().equals(own)).findFirst().orElseThrow();
        assertInstanceOf(FileMerge.LeaveAlone.class, profile);
        assertTrue(profile.notices().get(0) instanceof Notice.ForeignProfileFile);
        List<FileMerge> fresh = merger.merge(GROQ, MergeStrategy.MERGE, Map.of());
        FileMerge ours =
                fresh.stream().filter(f -> f.file().equals(own)).findFirst().orElseThrow();
        assertTrue(new String(written(ours), StandardCharsets.UTF_8).startsWith(CodexMerger.MARKER));
        FileMerge manifest = fresh.get(fresh.size() - 1);
        assertEquals(
                "{\n  \"profiles\" : [ \"groq_m1.config.toml\" ]\n}\n",
                new String(written(manifest), StandardCharsets.UTF_8));
        assertFalse(new CodexMerger(CODEX, false).files(GROQ).contains(own), "no profiles without include");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
