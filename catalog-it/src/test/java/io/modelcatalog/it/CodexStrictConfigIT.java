package io.modelcatalog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.configediting.ConfigText;
import io.modelcatalog.configediting.TomlDocument;
import io.modelcatalog.configupdate.CodexStrictConfig;
import io.modelcatalog.configupdate.Notice;
import io.modelcatalog.it.toolconfigs.CodexBinary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refusals update-configs tells about a codex config are the ones the pinned codex really refuses: each case
 * of the list, alone in a config.toml, makes {@code codex --strict-config} fail at the line update-configs names,
 * and a config with none of them loads while update-configs finds none. The binary is the version the list was
 * checked against. Without the binary it is skipped on a developer's machine, and fails in CI.
 */
class CodexStrictConfigIT {

    /** Codex's error names the file, line and column: {@code config.toml:4:12:}. */
    private static final Pattern LINE = Pattern.compile("config\\.toml:(\\d+):\\d+:");

    /** One config per refusal the list holds. */
    private static final Map<String, String> REFUSED = new LinkedHashMap<>();

    static {
        REFUSED.put(
                "chat",
                "[model_providers.x]\nname = \"x\"\nbase_url = \"http://127.0.0.1:1/v1\"\nwire_api = \"chat\"\n");
        for (String id : List.of("openai", "ollama", "lmstudio")) {
            REFUSED.put(
                    id,
                    "[model_providers." + id + "]\nname = \"" + id + "\"\nbase_url = \"http://127.0.0.1:1/v1\"\n"
                            + "wire_api = \"responses\"\n");
        }
        REFUSED.put("bedrock", "[model_providers.amazon-bedrock]\nname = \"b\"\n");
        REFUSED.put("disable_response_storage", "model = \"gpt-5\"\ndisable_response_storage = false\n");
        REFUSED.put("model_max_output_tokens", "model_max_output_tokens = 100\n");
        REFUSED.put("sandbox", "model = \"gpt-5\"\n\n[sandbox]\nmode = \"workspace-write\"\n");
        REFUSED.put("profile_context_window", "[profiles.p]\nmodel = \"m\"\nmodel_context_window = 100\n");
        REFUSED.put("profile_max_output_tokens", "[profiles.p]\nmodel = \"m\"\nmodel_max_output_tokens = 100\n");
    }

    private static final String ACCEPTED = "model = \"gpt-5\"\nsandbox_mode = \"workspace-write\"\n"
            + "[model_providers.groq]\nname = \"g\"\nbase_url = \"http://127.0.0.1:1/v1\"\nwire_api = \"responses\"\n"
            + "[profiles.p]\nmodel = \"m\"\nmodel_provider = \"groq\"\n"
            + "[model_providers.amazon-bedrock]\nbase_url = \"http://127.0.0.1:2/v1\"\n";

    @TempDir
    static Path work;

    static CodexBinary codex;

    @BeforeAll
    static void theBinaryIsThePinnedVersion() throws IOException, InterruptedException {
        codex = CodexBinary.require(Path.of(System.getProperty("user.dir")));
        CodexBinary.Result version = codex.version(Files.createDirectories(work.resolve("version-run")));
        assertEquals(0, version.exitCode(), version.output());
        assertTrue(
                version.output().contains(CodexStrictConfig.CODEX_VERSION),
                "the list was checked against codex " + CodexStrictConfig.CODEX_VERSION + "; this is "
                        + version.output().trim() + ": run the cases again and update the list");
    }

    private static CodexBinary.Result check(String name, String toml) throws IOException, InterruptedException {
        Path home = Files.createDirectories(work.resolve("homes").resolve(name));
        Files.writeString(home.resolve("config.toml"), toml);
        return codex.checkConfig(
                home, Files.createDirectories(work.resolve("cwd").resolve(name)));
    }

    private static List<Notice.CodexRefusal> ours(String toml) {
        return CodexStrictConfig.refusals(
                TomlDocument.parse(ConfigText.decode(Path.of("config.toml"), toml.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void everyRefusalOfTheListIsRefusedByCodexAtTheLineWeName() throws IOException, InterruptedException {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> c : REFUSED.entrySet()) {
            CodexBinary.Result r = check(c.getKey(), c.getValue());
            List<Notice.CodexRefusal> found = ours(c.getValue());
            Matcher m = LINE.matcher(r.output());
            if (r.exitCode() != 1 || !m.find()) {
                wrong.add(c.getKey() + ": codex did not refuse it (exit " + r.exitCode() + "): " + r.output());
            } else if (found.size() != 1 || found.get(0).line() != Integer.parseInt(m.group(1))) {
                wrong.add(c.getKey() + ": codex refuses line " + m.group(1) + ", update-configs names " + found);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aConfigWithNoneOfThemLoadsAndNoneIsNamed() throws IOException, InterruptedException {
        CodexBinary.Result r = check("accepted", ACCEPTED);
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(List.of(), ours(ACCEPTED));
    }

    @Test
    void theRealConfigsFirstRefusalIsAmongThoseNamed() throws IOException, InterruptedException {
        String real = Files.readString(Path.of(System.getProperty("user.dir"))
                .getParent()
                .resolve("catalog-core/src/test/resources/tool-configs/codex/config.toml"));
        CodexBinary.Result r = check("real", real);
        Matcher m = LINE.matcher(r.output());
        assertTrue(r.exitCode() == 1 && m.find(), r.output());
        int line = Integer.parseInt(m.group(1));
        List<Notice.CodexRefusal> found = ours(real);
        assertFalse(found.isEmpty());
        assertTrue(found.stream().anyMatch(f -> f.line() == line), "codex refuses line " + line + "; named: " + found);
    }
}
