package io.modelcatalog.it.toolconfigs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real codex CLI ({@code npm @openai/codex}), as {@code .ci/install-tools} installs it into the project's
 * {@code .tools/} folder, or wherever the system property {@code codex.binary} points.
 */
public final class CodexBinary {

    /** The system property that names a codex executable, overriding the project-local install. */
    public static final String PROPERTY = "codex.binary";

    private static final long TIMEOUT_SECONDS = 60;

    private final Path executable;

    private CodexBinary(Path executable) {
        this.executable = executable;
    }

    /**
     * The binary, or empty with the reason it was not found (for a test's skip message).
     *
     * @param moduleDir the IT module's folder (failsafe's working folder); the project root is its parent
     */
    public static Located locate(Path moduleDir) {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            Path p = Path.of(property);
            return Files.isExecutable(p)
                    ? new Located(Optional.of(new CodexBinary(p)), null)
                    : new Located(Optional.empty(), "-D" + PROPERTY + "=" + property + " is not an executable file");
        }
        Path local = moduleDir.toAbsolutePath().getParent().resolve(".tools/node_modules/.bin/codex");
        if (Files.isExecutable(local)) {
            return new Located(Optional.of(new CodexBinary(local)), null);
        }
        return new Located(
                Optional.empty(),
                "the codex CLI is not installed: " + local + " does not exist. Run "
                        + ".ci/install-tools (needs npm; installs the pinned @openai/codex into .tools/) or pass -D"
                        + PROPERTY + "=<path to codex>");
    }

    /** Where the binary was found, or why not. */
    public record Located(Optional<CodexBinary> binary, String whyAbsent) {}

    public Path executable() {
        return executable;
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
        command.add(executable.toString());
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
