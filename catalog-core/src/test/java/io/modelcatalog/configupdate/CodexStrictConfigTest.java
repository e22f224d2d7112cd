package io.modelcatalog.configupdate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.configediting.ConfigText;
import io.modelcatalog.configediting.TomlDocument;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real codex config holds content of its user's own that codex 0.169 refuses: each is found with its line
 * and a remedy, and a config without any of them yields none.
 */
class CodexStrictConfigTest {

    static List<Notice.CodexRefusal> refusals(String toml) {
        return CodexStrictConfig.refusals(
                TomlDocument.parse(ConfigText.decode(Path.of("config.toml"), toml.getBytes())));
    }

    @Test
    void theRealConfigsRefusalsAreFoundWithTheirLines() {
        List<Notice.CodexRefusal> found = refusals(RealConfigs.text("codex/config.toml"));

        List<String> lines =
                found.stream().map(r -> r.line() + " " + r.problem()).toList();
        assertEquals("2 unknown configuration field `disable_response_storage`", lines.get(0));
        assertEquals("11 unknown configuration field `sandbox`", lines.get(1));
        assertTrue(lines.contains("180 `wire_api = \"chat\"` is no longer supported"), lines.toString());
        assertEquals(14, lines.stream().filter(l -> l.contains("wire_api")).count(), "every chat provider: " + lines);
        assertTrue(
                lines.contains("224 [model_providers.lmstudio] redefines codex's built-in provider `lmstudio`"),
                lines.toString());
        assertTrue(
                lines.contains("236 [model_providers.openai] redefines codex's built-in provider `openai`"),
                lines.toString());
        assertTrue(
                lines.get(lines.size() - 1)
                        .matches("274 \\d+ legacy \\[profiles\\.\\*] table\\(s\\) hold fields codex"
                                + " refuses there \\(model_context_window, model_max_output_tokens; the first here\\)"),
                lines.toString());
        for (Notice.CodexRefusal r : found) {
            assertEquals("0.169.0", r.codexVersion());
            assertTrue(!r.remedy().isBlank(), r.toString());
        }
    }

    @Test
    void eachRefusalAloneAndItsRemedy() {
        assertEquals(
                "set wire_api = \"responses\" if the provider serves the Responses API; codex cannot use one that"
                        + " serves only chat completions",
                refusals("[model_providers.x]\nname = \"x\"\nwire_api = \"chat\"\n")
                        .get(0)
                        .remedy());
        assertEquals(
                3,
                refusals("[model_providers.x]\nname = \"x\"\nwire_api = \"chat\"\n")
                        .get(0)
                        .line());
        assertEquals(1, refusals("[model_providers.ollama]\nname = \"o\"\n").size());
        assertEquals(
                "1 codex's built-in amazon-bedrock provider does not let a config set name",
                refusals("[model_providers.amazon-bedrock]\nname = \"b\"\nbase_url = \"http://x\"\n").stream()
                        .map(r -> r.line() + " " + r.problem())
                        .findFirst()
                        .orElseThrow());
        assertEquals(1, refusals("model_max_output_tokens = 5\n").size());
    }

    @Test
    void whatCodexAcceptsYieldsNoRefusal() {
        assertEquals(
                List.of(),
                refusals("model = \"gpt-5\"\nsandbox_mode = \"workspace-write\"\n[model_providers.groq]\nname = \"g\"\n"
                        + "base_url = \"http://x\"\nwire_api = \"responses\"\n[profiles.p]\nmodel = \"m\"\n"
                        + "model_provider = \"groq\"\n[model_providers.amazon-bedrock]\nbase_url = \"http://y\"\n"));
    }
}
