package io.modelcatalog.it.toolconfigs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real codex CLI ({@code npm @openai/codex}), as {@code .ci/install-tools} installs it into the project's
 * {@code .tools/} folder, or wherever the system property {@code codex.binary} points.
 */
public final class CodexBinary extends ProjectCli {

    /** The system property that names a codex executable, overriding the project-local install. */
    public static final String PROPERTY = "codex.binary";

    private static final long TIMEOUT_SECONDS = 60;

    private CodexBinary(Path executable) {
        super(executable);
    }

    /**
     * The binary; when it is missing, the calling test (or, from a {@code @BeforeAll}, its class) is skipped on a
     * developer's machine and fails in CI.
     *
     * @param moduleDir the IT module's folder (failsafe's working folder); the project root is its parent
     */
    public static CodexBinary require(Path moduleDir) {
        return new CodexBinary(locate(moduleDir, "the codex CLI", PROPERTY, "codex", "@openai/codex"));
    }

    /** {@code codex --version}'s output. */
    public Result version(Path workDir) throws IOException, InterruptedException {
        return run(workDir, Map.of(), List.of("--version"));
    }

    /**
     * README's offline check: {@code CODEX_HOME=<codexHome> codex --strict-config app-server
     * --print-startup-config}, run from an empty working folder. Exit 0 means the config loads.
     */
    public Result checkConfig(Path codexHome, Path emptyWorkDir) throws IOException, InterruptedException {
        return run(
                emptyWorkDir,
                Map.of("CODEX_HOME", codexHome.toAbsolutePath().toString()),
                List.of("--strict-config", "app-server", "--print-startup-config"));
    }

    private Result run(Path workDir, Map<String, String> env, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable().toString());
        command.addAll(args);
        ProcessBuilder pb =
                new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        // no provider keys reach the tool: it only has to load the config
        pb.environment().keySet().removeIf(k -> k.endsWith("_API_KEY") || k.endsWith("_TOKEN") || k.endsWith("_KEY"));
        pb.environment().putAll(env);
        Process process = pb.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(
                    -1, "timed out after " + TIMEOUT_SECONDS + " s\n" + new String(output, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** Exit code and combined output. */
    public record Result(int exitCode, String output) {}
}
