package io.modelcatalog.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The provider blocks of the legacy {@code dump_models.py} on the test classpath ({@code legacy-script/}), and
 * edited copies of them as a user would make.
 */
public final class LegacyScripts {

    public static final String RESOURCE = "legacy-script/dump_models.py";

    /** The edits of {@link #edited}: the added provider and the built-ins it changes and drops. */
    public static final String ADDED = "corpllm";

    public static final String URL_CHANGED = "groq";
    public static final String KIND_CHANGED = "mancer";
    public static final List<String> REMOVED = List.of("poe", "targon");

    public static final String CORP_URL = "https://llm.corp.example/v1";
    public static final String GROQ_URL = "https://groq.corp.example/v1";

    /** The providers file of {@link #edited} with the URLs above, byte for byte. */
    public static final String EDITED_FILE = """
            # Providers of a legacy dump_models.py that differ from the built-in ones: one with a built-in
            # name replaces that provider, the others are added. Providers are removed by selecting the
            # others, not here.
            providers:
              # changed: baseUrl
              - name: "groq"
                kind: "openai"
                apiKeyEnv: "GROQ_API_KEY"
                baseUrlEnv: "GROQ_API_OPENAI"
                baseUrl: "https://groq.corp.example/v1"
              # changed: kind
              - name: "mancer"
                kind: "anthropic"
                apiKeyEnv: "MANCER_API_KEY"
                baseUrlEnv: "MANCER_API_OPENAI"
                baseUrl: "https://neuro.mancer.tech/oai/v1"
              # added
              - name: "corpllm"
                kind: "openai"
                apiKeyEnv: "CORPLLM_API_KEY"
                baseUrlEnv: "CORPLLM_API_OPENAI"
                baseUrl: "https://llm.corp.example/v1"
            """;

    private LegacyScripts() {}

    /** The legacy script's two blocks, unchanged. */
    public static String shared() {
        try (InputStream in = LegacyScripts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The shared script as a team would have edited it: provider {@code corpllm} added (key {@code CORPLLM_API_KEY},
     * URL variable {@code CORPLLM_API_OPENAI} = {@code addedUrl}), groq's URL changed to {@code groqUrl}, mancer's
     * kind changed to {@code ant}, poe and targon removed from {@code PROVIDER_CONFIG} (their URL lines left
     * behind), and comments and blank lines added to both blocks.
     */
    public static String edited(String addedUrl, String groqUrl) {
        String s = shared();
        s = replaceLine(s, "GROQ_API_OPENAI, https://api.groq.com/openai/v1", "GROQ_API_OPENAI, " + groqUrl);
        s = replaceLine(
                s,
                "XAI_API_OPENAI, https://api.x.ai/v1",
                "XAI_API_OPENAI, https://api.x.ai/v1\n\n  # our own gateway\nCORPLLM_API_OPENAI, " + addedUrl);
        s = replaceLine(s, "aihorde, oai, AIHORDE_KEY, AIHORDE_API_OPENAI", """
                # hosted APIs we use

                aihorde, oai, AIHORDE_KEY, AIHORDE_API_OPENAI""");
        s = replaceLine(
                s, "mancer, oai, MANCER_API_KEY, MANCER_API_OPENAI", "mancer, ant, MANCER_API_KEY, MANCER_API_OPENAI");
        s = replaceLine(s, "poe, oai, POE_API_KEY, POE_API_OPENAI", null);
        s = replaceLine(s, "targon, oai, TARGON_API_KEY, TARGON_API_OPENAI", null);
        s = replaceLine(
                s,
                "zai, oai, ZAI_API_KEY, ZAI_API_OPENAI",
                "zai, oai, ZAI_API_KEY, ZAI_API_OPENAI\n    \n# ours\ncorpllm, oai, CORPLLM_API_KEY, CORPLLM_API_OPENAI");
        return s;
    }

    /** Replaces the one line equal to {@code line} ({@code null}: removes it); fails when it is not there once. */
    public static String replaceLine(String script, String line, String replacement) {
        List<String> lines = new ArrayList<>(List.of(script.split("\n", -1)));
        int at = lines.indexOf(line);
        if (at < 0 || lines.lastIndexOf(line) != at) {
            throw new IllegalArgumentException("not exactly one line '" + line + "'");
        }
        if (replacement == null) {
            lines.remove(at);
        } else {
            lines.set(at, replacement);
        }
        return String.join("\n", lines);
    }

    /** The 1-based number of the one line equal to {@code line}. */
    public static int lineNumber(String script, String line) {
        List<String> lines = List.of(script.split("\n", -1));
        int at = lines.indexOf(line);
        if (at < 0 || lines.lastIndexOf(line) != at) {
            throw new IllegalArgumentException("not exactly one line '" + line + "'");
        }
        return at + 1;
    }

    /** Writes a script as {@code dump_models.py} into {@code dir}. */
    public static Path write(Path dir, String script) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("dump_models.py"), script);
    }
}
