package io.modelcatalog.legacy.differential;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.documents.DocumentParseException;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.documents.ModelList;
import io.modelcatalog.documents.ResponseText;
import io.modelcatalog.fetching.CatalogFetch;
import io.modelcatalog.fetching.FetchListener;
import io.modelcatalog.fetching.FetchOptions;
import io.modelcatalog.fetching.FetchReport;
import io.modelcatalog.fetching.NetworkPolicy;
import io.modelcatalog.fetching.ProviderOutcome;
import io.modelcatalog.legacy.LegacyTxtWriter;
import io.modelcatalog.providers.CredentialLookup;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderKind;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.testing.LoopbackProviderServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One batch: up to {@link #SLOTS}{@code .size()} documents, each served as the model list of one built-in provider
 * on one loopback server; the legacy script fetches them all (it fetches providers concurrently), then the plugin's
 * core ({@link CatalogFetch}, in this JVM) does; then every {@code models_<p>.json/.txt/.toml} that either side
 * wrote is compared byte for byte.
 *
 * <p>In-process rather than a forked Maven build: the mojo only translates parameters into the same
 * {@code FetchOptions} (covered by the ITs), and a fork per batch would cost seconds where the core takes
 * milliseconds, which would leave room for far fewer documents in CI's budget.
 */
final class DifferentialRun {

    /** Every built-in provider but chutes (whose enrichment request would add a second document to each run). */
    static final List<ProviderDefinition> SLOTS = ProviderRegistry.builtIn().all().stream()
            .filter(p -> !p.name().equals("chutes"))
            .toList();

    private static final List<String> EXTENSIONS = List.of("json", "txt", "toml");

    enum Kind {
        /** Both wrote their three files, byte-identical. */
        SAME,
        /** Both failed and neither wrote a file. */
        BOTH_FAILED,
        /** The legacy script failed as {@link LegacyCrash} predicts, and the plugin did what is recorded there. */
        LEGACY_CRASH_AS_RECORDED,
        MISMATCH
    }

    /**
     * @param signature for a mismatch, what kind it is (the shrinker keeps variants with the same signature)
     * @param filesCompared files compared byte for byte (and found equal, unless a mismatch)
     */
    record Verdict(
            GenDocument doc,
            String provider,
            Kind kind,
            Optional<LegacyCrash> crash,
            String signature,
            String detail,
            int filesCompared) {}

    /** Milliseconds of each run: the legacy script, the plugin. */
    static final List<long[]> TIMES = java.util.Collections.synchronizedList(new ArrayList<>());

    private DifferentialRun() {}

    static List<Verdict> run(LegacyScript legacy, List<GenDocument> docs, Path work)
            throws IOException, InterruptedException {
        if (docs.size() > SLOTS.size()) {
            throw new IllegalArgumentException("at most " + SLOTS.size() + " documents a run");
        }
        Files.createDirectories(work);
        Path legacyOut = Files.createTempDirectory(work, "legacy-");
        Path pluginOut = Files.createTempDirectory(work, "plugin-");
        try (LoopbackProviderServer server = new LoopbackProviderServer()) {
            Map<String, String> env = new LinkedHashMap<>();
            // every provider's URL points at the server, with or without a document: the legacy script fetches
            // litellm (no key needed) whatever happens, and must never try a real host
            for (ProviderDefinition p : ProviderRegistry.builtIn().all()) {
                env.put(p.baseUrlEnv(), server.baseUrl() + basePath(p));
            }
            List<ProviderDefinition> used = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                ProviderDefinition p = SLOTS.get(i);
                used.add(p);
                server.route(
                        modelsPath(p),
                        LoopbackProviderServer.Response.json(docs.get(i).body())
                                .header("Content-Type", docs.get(i).contentType()));
                if (p.apiKeyEnv() != null) {
                    env.put(p.apiKeyEnv(), "test-key-" + p.name());
                }
            }
            String chutesUrl = server.baseUrl() + "/chutes-enrichment/";
            env.put("CHUTES_CHUTES_URL", chutesUrl);

            long t0 = System.nanoTime();
            int exit = legacy.run(legacyOut, env, chutesUrl);
            long t1 = System.nanoTime();
            if (exit != 0) {
                throw new IOException(
                        "the legacy script exited with " + exit + ": " + tail(legacyOut.resolve("stderr.log")));
            }
            EnvironmentLookup lookup = EnvironmentLookup.of(env);
            FetchReport report = new CatalogFetch(FetchOptions.builder(pluginOut)
                            .providers(used)
                            .env(lookup)
                            .credentials(CredentialLookup.environment(lookup))
                            .network(NetworkPolicy.defaults()
                                    .withTimeout(Duration.ofSeconds(30))
                                    .withRetries(0)
                                    .withRetryBaseDelay(Duration.ofMillis(10))
                                    .withRetryAfterCap(Duration.ofMillis(10)))
                            .clock(Clock.systemUTC())
                            .allowShrink(true)
                            .build())
                    .run(FetchListener.none());
            TIMES.add(new long[] {(t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000});
            Map<String, ProviderOutcome> outcomes = report.outcomes().stream()
                    .collect(Collectors.toMap(ProviderOutcome::provider, Function.identity()));
            JsonNode failed = readFailed(legacyOut);

            List<Verdict> verdicts = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                String p = used.get(i).name();
                JsonNode entry = failed.path(p);
                verdicts.add(judge(
                        docs.get(i),
                        p,
                        files(legacyOut, p),
                        entry.path("failed").asBoolean(false),
                        entry.path("error").asText(""),
                        files(pluginOut, p),
                        outcomes.get(p)));
            }
            return verdicts;
        } finally {
            deleteTree(legacyOut);
            deleteTree(pluginOut);
        }
    }

    static Verdict judge(
            GenDocument doc,
            String provider,
            Map<String, byte[]> legacy,
            boolean legacyFailed,
            String legacyError,
            Map<String, byte[]> plugin,
            ProviderOutcome outcome) {
        boolean pluginFailed = outcome == null || outcome instanceof ProviderOutcome.Failed;
        String pluginSays = outcome == null ? "no outcome" : outcome.toString();
        Optional<JsonNode> tree = parse(doc);
        Optional<LegacyCrash> crash = tree.isPresent() && hasIntegerOver4300Digits(doc)
                ? Optional.of(LegacyCrash.INTEGER_OVER_4300_DIGITS)
                : tree.flatMap(LegacyCrash::predict);
        // the plugin fails a list with an id that UTF-8 cannot hold, whatever else the legacy script trips on first
        boolean pluginShouldWrite = tree.isPresent()
                && LegacyTxtWriter.unencodableId(ModelList.of(tree.get())).isEmpty();
        if (crash.isPresent()) {
            LegacyCrash c = crash.get();
            List<String> problems = new ArrayList<>();
            if (!legacyFailed) {
                problems.add("the legacy script did not fail");
            }
            if (!legacy.keySet().equals(new java.util.LinkedHashSet<>(c.legacyLeaves))) {
                problems.add("the legacy script left " + legacy.keySet() + ", not " + c.legacyLeaves);
            }
            boolean txtStage = c == LegacyCrash.NON_STRING_ID || c == LegacyCrash.LONE_SURROGATE_ID;
            if (txtStage && legacy.containsKey("txt") && legacy.get("txt").length != 0) {
                problems.add("the legacy script's txt is not empty");
            }
            if (pluginShouldWrite ? pluginFailed || plugin.size() != 3 : !pluginFailed || !plugin.isEmpty()) {
                problems.add("the plugin did not do what is recorded (" + (pluginShouldWrite ? "write" : "fail") + "): "
                        + pluginSays + ", files " + plugin.keySet());
            }
            // what the legacy script wrote completely before it failed, the plugin writes alike
            int compared = 0;
            List<String> complete = c == LegacyCrash.TOP_PROVIDER_NOT_OBJECT ? List.of("json", "txt") : List.of("json");
            for (String ext : complete) {
                if (legacy.containsKey(ext) && plugin.containsKey(ext)) {
                    compared++;
                    if (!Arrays.equals(legacy.get(ext), plugin.get(ext))) {
                        problems.add(difference(provider, ext, legacy.get(ext), plugin.get(ext)));
                    }
                }
            }
            if (problems.isEmpty()) {
                return new Verdict(doc, provider, Kind.LEGACY_CRASH_AS_RECORDED, crash, null, c.name(), compared);
            }
            return new Verdict(
                    doc,
                    provider,
                    Kind.MISMATCH,
                    crash,
                    "crash " + c,
                    "legacy crash " + c + " predicted; " + String.join("; ", problems) + "; legacy error: "
                            + legacyError,
                    compared);
        }
        if (legacyFailed) {
            if (legacy.isEmpty() && plugin.isEmpty() && pluginFailed) {
                return new Verdict(doc, provider, Kind.BOTH_FAILED, crash, null, legacyError, 0);
            }
            return new Verdict(
                    doc,
                    provider,
                    Kind.MISMATCH,
                    crash,
                    "legacy failed",
                    "the legacy script failed (" + legacyError + ") leaving " + legacy.keySet() + "; the plugin: "
                            + pluginSays + ", files " + plugin.keySet(),
                    0);
        }
        if (legacy.size() != 3 || plugin.size() != 3) {
            return new Verdict(
                    doc,
                    provider,
                    Kind.MISMATCH,
                    crash,
                    "files",
                    "legacy wrote " + legacy.keySet() + ", the plugin " + plugin.keySet() + " (" + pluginSays + ")",
                    0);
        }
        int compared = 0;
        for (String ext : EXTENSIONS) {
            compared++;
            if (!Arrays.equals(legacy.get(ext), plugin.get(ext))) {
                return new Verdict(
                        doc,
                        provider,
                        Kind.MISMATCH,
                        crash,
                        ext,
                        difference(provider, ext, legacy.get(ext), plugin.get(ext)),
                        compared);
            }
        }
        return new Verdict(doc, provider, Kind.SAME, crash, null, null, compared);
    }

    /** The document as the plugin reads it (decoded as the legacy HTTP client did), or empty when it is not JSON. */
    static Optional<JsonNode> parse(GenDocument doc) {
        byte[] body = doc.body();
        try {
            ResponseText.Utf8 text = ResponseText.decode(body, body.length, doc.contentType(), "generated");
            return Optional.of(JsonDocuments.parse(text.bytes(), text.length(), "generated"));
        } catch (DocumentParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the document holds an integer literal of more than 4,300 digits anywhere, also where a repeated key
     * drops it from the tree: Python converts every literal while it reads.
     */
    static boolean hasIntegerOver4300Digits(GenDocument doc) {
        byte[] body = doc.body();
        try {
            ResponseText.Utf8 text = ResponseText.decode(body, body.length, doc.contentType(), "generated");
            try (com.fasterxml.jackson.core.JsonParser parser = SCANNER.createParser(text.bytes(), 0, text.length())) {
                for (var t = parser.nextToken(); t != null; t = parser.nextToken()) {
                    if (t == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT
                            && parser.getText().replace("-", "").length() > 4300) {
                        return true;
                    }
                }
            }
            return false;
        } catch (DocumentParseException | IOException e) {
            return false;
        }
    }

    private static final com.fasterxml.jackson.core.JsonFactory SCANNER =
            com.fasterxml.jackson.core.JsonFactory.builder()
                    .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                            .maxNumberLength(100_000)
                            .maxStringLength(Integer.MAX_VALUE)
                            .build())
                    .build();

    /** The first line where the two files differ, both sides shown with escapes. */
    static String difference(String provider, String ext, byte[] legacy, byte[] plugin) {
        String a = new String(legacy, StandardCharsets.UTF_8);
        String b = new String(plugin, StandardCharsets.UTF_8);
        String[] la = a.split("\n", -1);
        String[] lb = b.split("\n", -1);
        int line = 0;
        while (line < la.length && line < lb.length && la[line].equals(lb[line])) {
            line++;
        }
        return "models_" + provider + "." + ext + " differs (" + legacy.length + " bytes legacy, " + plugin.length
                + " plugin) at line " + (line + 1) + ":\n  legacy: "
                + (line < la.length ? escape(la[line]) : "<end>") + "\n  plugin: "
                + (line < lb.length ? escape(lb[line]) : "<end>");
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(400).forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0xd800 && c <= 0xdfff)) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    private static Map<String, byte[]> files(Path dir, String provider) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String ext : EXTENSIONS) {
            Path f = dir.resolve("models_" + provider + "." + ext);
            if (Files.isRegularFile(f)) {
                out.put(ext, Files.readAllBytes(f));
            }
        }
        return out;
    }

    private static JsonNode readFailed(Path legacyOut) throws IOException {
        Path f = legacyOut.resolve(CatalogLayout.FAILED_MODELS);
        if (!Files.isRegularFile(f)) {
            throw new IOException(
                    "the legacy script wrote no failed_models.json: " + tail(legacyOut.resolve("stderr.log")));
        }
        return JsonDocuments.parse(Files.readAllBytes(f), f.toString());
    }

    static String basePath(ProviderDefinition p) {
        return p.kind() == ProviderKind.URL ? "/" + p.name() + "/document.json" : "/" + p.name() + "/v1";
    }

    static String modelsPath(ProviderDefinition p) {
        return p.kind() == ProviderKind.URL ? basePath(p) : basePath(p) + "/models";
    }

    private static String tail(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return "(no log)";
        }
        String s = Files.readString(log, StandardCharsets.UTF_8);
        return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
