package io.modelcatalog.it.toolconfigs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real OpenCode CLI ({@code npm opencode-ai}), as {@code .ci/install-tools} installs it into the project's
 * {@code .tools/} folder, or wherever the system property {@code opencode.binary} points.
 *
 * <p>Every run gets an explicit environment and nothing of the caller's: {@code HOME} and the XDG folders inside
 * a folder of the test's own (OpenCode keeps a database, logs and locks there), {@code OPENCODE_CONFIG} naming the
 * config to load, no project config, no auto-update, no LSP download, no Claude Code files, and every proxy
 * variable pointing at a given loopback port, so that a request OpenCode would send anywhere reaches that port
 * and is seen, instead of the internet.
 */
public final class OpenCodeBinary extends ProjectCli {

    /** The system property that names an opencode executable, overriding the project-local install. */
    public static final String PROPERTY = "opencode.binary";

    private static final long TIMEOUT_SECONDS = 90;

    private OpenCodeBinary(Path executable) {
        super(executable);
    }

    /**
     * The binary; when it is missing, the calling test (or, from a {@code @BeforeAll}, its class) is skipped on a
     * developer's machine and fails in CI.
     *
     * @param moduleDir the IT module's folder (failsafe's working folder); the project root is its parent
     */
    public static OpenCodeBinary require(Path moduleDir) {
        return new OpenCodeBinary(locate(moduleDir, "the OpenCode CLI", PROPERTY, "opencode", "opencode-ai"));
    }

    /** The version in the npm package next to the binary, without running it (a run costs seconds). */
    public String packageVersion() {
        Path pkg = executable()
                .toAbsolutePath()
                .getParent()
                .resolve("../opencode-ai/package.json")
                .normalize();
        try {
            String json = Files.readString(pkg);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"")
                    .matcher(json);
            return m.find() ? m.group(1) : "unknown (no version in " + pkg + ")";
        } catch (IOException e) {
            return "unknown (" + pkg + " unreadable)";
        }
    }

    /**
     * One run of {@code opencode <args>} with {@code config} as {@code OPENCODE_CONFIG}.
     *
     * @param home       a folder for HOME and the XDG folders (created if needed)
     * @param cwd        the working folder (an empty one: OpenCode looks for project files there)
     * @param proxyPort  the loopback port every proxy variable points at
     * @param fetchModels whether OpenCode may fetch its model catalog ({@code OPENCODE_DISABLE_MODELS_FETCH} unset)
     */
    public Result run(Path home, Path cwd, Path config, int proxyPort, boolean fetchModels, String... args)
            throws IOException, InterruptedException {
        return run(home, cwd, null, config, proxyPort, fetchModels, args);
    }

    /**
     * Like {@link #run(Path, Path, Path, int, boolean, String...)}, with {@code globalConfig} (when not null) copied
     * as is to {@code $XDG_CONFIG_HOME/opencode/opencode.json}: OpenCode then loads two files in one run.
     */
    public Result run(
            Path home, Path cwd, Path globalConfig, Path config, int proxyPort, boolean fetchModels, String... args)
            throws IOException, InterruptedException {
        Files.createDirectories(cwd);
        Path global = home.resolve(".config/opencode/opencode.json");
        Files.createDirectories(global.getParent());
        Files.deleteIfExists(global);
        if (globalConfig != null) {
            Files.copy(globalConfig, global);
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        env.put("XDG_STATE_HOME", home.resolve(".local/state").toString());
        env.put("OPENCODE_CONFIG", config.toAbsolutePath().toString());
        if (!fetchModels) {
            env.put("OPENCODE_DISABLE_MODELS_FETCH", "1");
        }
        env.put("OPENCODE_DISABLE_AUTOUPDATE", "1");
        env.put("OPENCODE_DISABLE_LSP_DOWNLOAD", "1");
        env.put("OPENCODE_DISABLE_PROJECT_CONFIG", "1");
        env.put("OPENCODE_DISABLE_CLAUDE_CODE", "1");
        env.put("OPENCODE_DISABLE_SHARE", "1");
        String proxy = "http://127.0.0.1:" + proxyPort;
        for (String v : List.of("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")) {
            env.put(v, proxy);
        }
        List<String> command = new ArrayList<>();
        command.add(executable().toString());
        command.addAll(List.of(args));
        // output to files: a model list can be far larger than a pipe's buffer
        Files.createDirectories(home);
        Path out = Files.createTempFile(home, "opencode-", ".out");
        Path err = Files.createTempFile(home, "opencode-", ".err");
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(cwd.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process process = pb.start();
        boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        return finished
                ? new Result(process.exitValue(), stdout, stderr, millis)
                : new Result(-1, stdout, "timed out after " + TIMEOUT_SECONDS + " s\n" + stderr, millis);
    }

    /** Exit code, both outputs, and how long the run took. */
    public record Result(int exitCode, String stdout, String stderr, long millis) {
        public String text() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }
}
