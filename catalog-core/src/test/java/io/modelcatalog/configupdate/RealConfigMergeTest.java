package io.modelcatalog.configupdate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import io.modelcatalog.configediting.ConfigEditException;
import io.modelcatalog.configediting.ConfigText;
import io.modelcatalog.configediting.TomlDocument;
import io.modelcatalog.configediting.YamlDocument;
import io.modelcatalog.configediting.YamlNode;
import io.modelcatalog.toolconfigs.ProviderModels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * groq and mistral of the corpus catalog merged into each real config of {@code tool-configs/}, with each
 * strategy: only lines inside the managed entries change (a line diff against the original shows nothing else),
 * every comment line stays, mods' aliases stay, the result parses, and a second run changes no byte.
 */
class RealConfigMergeTest {

    static final List<ProviderModels> GROQ_MISTRAL = RealConfigs.providers("groq", "mistral");
    static final Path HOME = Path.of("/nonexistent-home");

    static FileMerge.Write merge(ConfigMerger merger, byte[] before, MergeStrategy s) {
        Path file = merger.files(GROQ_MISTRAL).get(0);
        return assertInstanceOf(
                FileMerge.Write.class,
                merger.merge(GROQ_MISTRAL, s, Map.of(file, before)).get(0));
    }

    /** Every original line that a diff removes or changes, as 0-based line numbers. */
    static List<Integer> changedLines(String before, String after) {
        List<Integer> out = new ArrayList<>();
        for (AbstractDelta<String> d :
                DiffUtils.diff(before.lines().toList(), after.lines().toList()).getDeltas()) {
            for (int i = 0; i < d.getSource().size(); i++) {
                out.add(d.getSource().getPosition() + i);
            }
        }
        return out;
    }

    /** The text without the given 0-based inclusive line ranges, line breaks kept: what must not change. */
    static String without(String text, List<int[]> ranges) {
        List<String> lines = new ArrayList<>(List.of(text.split("(?<=\n)", -1)));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            int line = i;
            if (ranges.stream().noneMatch(r -> line >= r[0] && line <= r[1])) {
                out.append(lines.get(i));
            }
        }
        return out.toString();
    }

    static int[] itemLines(YamlDocument d, String name) {
        for (YamlNode item : d.root().get("clients").items()) {
            if (item.get("name") != null && name.equals(item.get("name").data())) {
                return new int[] {d.line(item.lineStart()), d.lastLine(item)};
            }
        }
        throw new AssertionError("no client " + name);
    }

    static int[] pairLines(YamlDocument d, String api) {
        YamlNode apis = d.root().get("apis");
        YamlNode key = apis.keys().get(apis.indexOfKey(api));
        return new int[] {d.line(key.start()), d.lastLine(apis.get(api))};
    }

    static int[] tableLines(TomlDocument d, String id, boolean withBlankLineAbove) {
        TomlDocument.Region r = d.region(List.of("model_providers", id));
        return new int[] {r.first() - (withBlankLineAbove ? 1 : 0), d.lastContentLine(r.first(), r.last())};
    }

    static List<String> commentLines(String text) {
        return text.lines().filter(l -> l.stripLeading().startsWith("#")).toList();
    }

    static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(MergeStrategy.class)
    void aichat(MergeStrategy strategy) {
        byte[] before = RealConfigs.repairedAichat();
        AichatMerger merger = new AichatMerger(HOME.resolve(".config/aichat/config.yaml"));
        FileMerge.Write m = merge(merger, before, strategy);
        String a = s(before);
        String b = s(m.after());
        YamlDocument original = YamlDocument.parse(ConfigText.decode(null, before));
        YamlDocument parsed = YamlDocument.parse(ConfigText.decode(null, m.after()));
        assertEquals(
                without(a, List.of(itemLines(original, "groq"), itemLines(original, "mistral"))),
                without(b, List.of(itemLines(parsed, "groq"), itemLines(parsed, "mistral"))),
                "every byte outside the groq and mistral clients");
        for (String comment : commentLines(a)) {
            assertTrue(b.contains(comment), comment);
        }
        List<?> clients = (List<?>) ((Map<?, ?>) parsed.data()).get("clients");
        assertEquals(13, clients.size());
        Map<?, ?> groq = (Map<?, ?>) clients.get(7);
        assertEquals("groq", groq.get("name"));
        assertEquals(strategy == MergeStrategy.REPLACE ? null : "gsk_***", groq.get("api_key"));
        assertEquals(21, ((List<?>) groq.get("models")).size());
        assertArrayEquals(m.after(), merge(merger, m.after(), strategy).after(), "a second run changes no byte");
    }

    @ParameterizedTest
    @EnumSource(MergeStrategy.class)
    void mods(MergeStrategy strategy) {
        byte[] before = RealConfigs.bytes("mods/mods.yml");
        ModsMerger merger = new ModsMerger(HOME.resolve(".config/mods/mods.yml"));
        FileMerge.Write m = merge(merger, before, strategy);
        String a = s(before);
        String b = s(m.after());
        YamlDocument original = YamlDocument.parse(ConfigText.decode(null, before));
        int groqFrom = original.line(original.root().get("apis").get("groq").start()) - 1;
        int groqTo = original.lastLine(original.root().get("apis").get("groq"));
        int mistralFrom =
                original.line(original.root().get("apis").get("mistral").start()) - 1;
        int mistralTo = original.lastLine(original.root().get("apis").get("mistral"));
        for (int line : changedLines(a, b)) {
            assertTrue(
                    line >= groqFrom && line <= groqTo || line >= mistralFrom && line <= mistralTo,
                    "line " + (line + 1) + " changed");
        }
        for (String comment : commentLines(a)) {
            if (strategy == MergeStrategy.MERGE) {
                assertTrue(b.contains(comment), comment);
            }
        }
        Map<?, ?> apis = (Map<?, ?>) ((Map<?, ?>)
                        YamlDocument.parse(ConfigText.decode(null, m.after())).data())
                .get("apis");
        Map<?, ?> groqModels = (Map<?, ?>) ((Map<?, ?>) apis.get("groq")).get("models");
        if (strategy != MergeStrategy.REPLACE) {
            // the user's aliases stay, in their flow style
            assertEquals(
                    List.of("llama3.3", "llama3.3-70b", "llama3.3-versatile"),
                    ((Map<?, ?>) groqModels.get("llama-3.3-70b-versatile")).get("aliases"));
            assertTrue(b.contains("        aliases: ['llama3.3', 'llama3.3-70b', 'llama3.3-versatile']\n"));
        }
        assertEquals(
                strategy == MergeStrategy.MERGE,
                groqModels.containsKey("deepseek-r1-distill-llama-70b-specdec"),
                "a model groq no longer lists");
        for (String other : List.of("anthropic", "azure", "cerebras", "copilot", "openrouter")) {
            assertEquals(((Map<?, ?>) ((Map<?, ?>) original.data()).get("apis")).get(other), apis.get(other), other);
        }
        assertArrayEquals(m.after(), merge(merger, m.after(), strategy).after(), "a second run changes no byte");
    }

    @ParameterizedTest
    @EnumSource(MergeStrategy.class)
    void codex(MergeStrategy strategy) {
        byte[] before = RealConfigs.bytes("codex/config.toml");
        CodexMerger merger = new CodexMerger(HOME.resolve(".codex"), false);
        FileMerge.Write m = merge(merger, before, strategy);
        String a = s(before);
        String b = s(m.after());
        TomlDocument original = TomlDocument.parse(ConfigText.decode(null, before));
        TomlDocument parsed = TomlDocument.parse(ConfigText.decode(null, m.after()));
        assertEquals(
                without(a, List.of(tableLines(original, "groq", false))),
                without(b, List.of(tableLines(parsed, "groq", false), tableLines(parsed, "mistral", true))),
                "every byte outside [model_providers.groq] and the new [model_providers.mistral]");
        // groq's table is lines 206-210: only its wire_api changes
        assertEquals(List.of(209), changedLines(a, b));
        assertTrue(b.contains("wire_api = \"chat\"\n\n[model_providers.mistral]\nname = \"mistral\"\n"
                + "base_url = \"https://api.mistral.ai/v1\"\nenv_key = \"MISTRAL_API_KEY\"\nwire_api = \"responses\"\n\n"
                + "# profiles\n"));
        for (String comment : commentLines(a)) {
            assertTrue(b.contains(comment), comment);
        }
        TomlDocument.parse(ConfigText.decode(null, m.after()));
        assertEquals(
                731,
                m.notices().stream()
                        .filter(n -> n instanceof Notice.LegacyProfileTable)
                        .count());
        Notice.LegacyProfileTable first =
                (Notice.LegacyProfileTable) m.notices().get(0);
        assertEquals(271, first.line());
        assertEquals("or_sonoma_dusk_alpha", first.profile());
        assertEquals("openrouter/sonoma-dusk-alpha", first.model());
        assertEquals("openrouter", first.provider());
        assertArrayEquals(m.after(), merge(merger, m.after(), strategy).after(), "a second run changes no byte");
    }

    @Test
    void theBrokenAichatFileIsAnErrorNamingLine4() {
        byte[] broken = RealConfigs.bytes("aichat/config.yaml");
        ConfigEditException e = assertThrows(
                ConfigEditException.class,
                () -> merge(new AichatMerger(HOME.resolve("config.yaml")), broken, MergeStrategy.MERGE));
        assertEquals(4, e.line());
        assertEquals(1, e.column());
        assertTrue(e.getMessage().contains("config.yaml, line 4, column 1: is not valid YAML"), e.getMessage());
    }

    @Test
    void aMissingFileIsCreatedFromTheGeneratedEntries() {
        for (ConfigMerger merger : List.of(
                new AichatMerger(HOME.resolve("a.yaml")),
                new ModsMerger(HOME.resolve("m.yml")),
                new CodexMerger(HOME.resolve("codex"), false))) {
            FileMerge.Write m = assertInstanceOf(
                    FileMerge.Write.class,
                    merger.merge(GROQ_MISTRAL, MergeStrategy.MERGE, Map.of()).get(0));
            assertTrue(m.creates(), merger.tool());
            assertNotNull(m.after());
            Path f = m.file();
            FileMerge again = merger.merge(GROQ_MISTRAL, MergeStrategy.MERGE, Map.of(f, m.after()))
                    .get(0);
            assertFalse(again.changed(), merger.tool() + " second run");
        }
    }
}
