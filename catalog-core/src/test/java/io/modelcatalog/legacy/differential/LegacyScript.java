package io.modelcatalog.legacy.differential;

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
 * The real legacy {@code dump_models.py}, run by a Python that has its modules. Nothing of it is in this project:
 * it is found in the {@code shared/legacy-bench/} folder beside the checkout (or at {@code legacy.diff.script}).
 * Each run gets a fresh folder with a copy of the script (the script writes its files next to itself), the
 * Chutes enrichment URL pointed at the loopback server as {@code compare.sh} does, and an explicit environment:
 * nothing of the machine's (no real key, no proxy) reaches it.
 */
final class LegacyScript {

    static final String MODULES = "httpx, tomli_w, loguru, rich, fire";
    static final String DEBIAN_PACKAGES = "python3-httpx python3-tomli-w python3-loguru python3-rich python3-fire";
    private static final String CHUTES_URL = "https://api.chutes.ai/chutes/?include_public=true&include_schemas=false";

    private final Path script;
    private final String python;
    private final Path oneCertificate;

    private LegacyScript(Path script, String python) {
        this.script = script;
        this.python = python;
        this.oneCertificate = oneCertificate();
    }

    /**
     * A file with one CA certificate of the system's bundle, for {@code SSL_CERT_FILE}: each of the script's 39
     * {@code httpx.AsyncClient()}s loads the whole bundle otherwise, about 1.7 s of CPU a run that has nothing to do
     * with the plain-HTTP loopback requests. Null (the bundle is loaded) where there is no system bundle.
     */
    private static Path oneCertificate() {
        Path bundle = Path.of("/etc/ssl/certs/ca-certificates.crt");
        try {
            String pem = Files.readString(bundle, StandardCharsets.US_ASCII);
            int begin = pem.indexOf("-----BEGIN CERTIFICATE-----");
            String endMark = "-----END CERTIFICATE-----";
            int end = pem.indexOf(endMark, begin);
            if (begin < 0 || end < 0) {
                return null;
            }
            Path f = Files.createTempFile("legacy-diff-ca-", ".pem");
            f.toFile().deleteOnExit();
            Files.writeString(f, pem.substring(begin, end + endMark.length()) + "\n", StandardCharsets.US_ASCII);
            return f;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Where the script and a fitting Python were found, or what was not found and how to provide it.
     *
     * @param missing empty when found
     */
    record Located(Optional<LegacyScript> script, Optional<String> missing, String install) {}

    static Located locate() {
        Optional<Path> script = findScript();
        if (script.isEmpty()) {
            return new Located(
                    Optional.empty(),
                    Optional.of("shared/legacy-bench/dump_models.py is not beside this checkout (searched the parents"
                            + " of " + Path.of("").toAbsolutePath() + ")"),
                    "-Dlegacy.diff.script=PATH (or check out beside the shared/ folder, as CI does)");
        }
        List<String> tried = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        String configured = System.getProperty("legacy.diff.python");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        // Debian's interpreter first: the machine's default python3 may be a pyenv one without Debian's modules
        candidates.add("/usr/bin/python3");
        candidates.add("python3");
        for (String python : candidates) {
            String problem = check(python);
            if (problem == null) {
                return new Located(Optional.of(new LegacyScript(script.get(), python)), Optional.empty(), "");
            }
            tried.add(python + ": " + problem);
        }
        return new Located(
                Optional.empty(),
                Optional.of("no Python with the legacy script's modules (" + MODULES + "); tried "
                        + String.join("; ", tried)),
                ".ci/install-tools (as root: Debian's " + DEBIAN_PACKAGES + "), or -Dlegacy.diff.python=PATH");
    }

    private static Optional<Path> findScript() {
        String configured = System.getProperty("legacy.diff.script");
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isRegularFile(p) ? Optional.of(p.toAbsolutePath()) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("shared/legacy-bench/dump_models.py");
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Null when {@code python} runs and imports the modules; else what went wrong. */
    private static String check(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import " + MODULES)
                    .redirectErrorStream(true)
                    .start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "did not answer in 60 s";
            }
            if (p.exitValue() == 0) {
                return null;
            }
            String text = new String(out, StandardCharsets.UTF_8).strip();
            int last = text.lastIndexOf('\n');
            return last >= 0 ? text.substring(last + 1) : text;
        } catch (IOException e) {
            return "cannot run (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    String describe() {
        return script + " with " + python;
    }

    /**
     * Runs {@code dump_models.py --force} in {@code dir} (created, holding a copy of the script) with exactly
     * {@code env} (plus PATH, HOME and a UTF-8 locale); its files land in {@code dir}.
     *
     * @return the exit code
     */
    int run(Path dir, Map<String, String> env, String chutesUrl) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String source = Files.readString(script, StandardCharsets.UTF_8);
        if (!source.contains(CHUTES_URL)) {
            throw new IllegalStateException("the Chutes URL is not in " + script + " any more; cannot redirect it");
        }
        Files.writeString(dir.resolve("dump_models.py"), source.replace(CHUTES_URL, chutesUrl));
        ProcessBuilder pb = new ProcessBuilder(python, "dump_models.py", "--force")
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .redirectError(dir.resolve("stderr.log").toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        if (oneCertificate != null) {
            pb.environment().put("SSL_CERT_FILE", oneCertificate.toString());
        }
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("the legacy script did not finish in 180 s in " + dir);
        }
        return p.exitValue();
    }
}
