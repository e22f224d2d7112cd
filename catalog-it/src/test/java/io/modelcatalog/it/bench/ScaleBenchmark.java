package io.modelcatalog.it.bench;

import io.modelcatalog.fetching.CatalogFetch;
import io.modelcatalog.fetching.FetchListener;
import io.modelcatalog.fetching.FetchOptions;
import io.modelcatalog.fetching.FetchReport;
import io.modelcatalog.fetching.NetworkPolicy;
import io.modelcatalog.fetching.ProviderOutcome;
import io.modelcatalog.it.ForkedMaven;
import io.modelcatalog.it.toolconfigs.CorpusCatalog;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.testing.LegacyCorpus;
import io.modelcatalog.testing.LoopbackProviderServer;
import io.modelcatalog.testing.LoopbackProviderServer.Response;
import io.modelcatalog.testing.LoopbackProviders;
import io.modelcatalog.testing.SyntheticModelList;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Scale benchmarks (not tests: nothing here asserts a time). Three parts, chosen with {@code -Dscale.parts} (default
 * {@code size,providers,configs}):
 *
 * <ul>
 *   <li>{@code size}: one provider serving a synthetic list ({@link SyntheticModelList}, about 300 bytes a model) of
 *       each of {@code -Dscale.sizes} models (default 10000,100000): a forked {@code mvn …:fetch} (cold: fresh output
 *       and cache) timed from outside and by its summary's {@code in N ms}, with its heap from a GC log against the
 *       body's size; then the same fetch in this JVM, warm. The ratio of the largest to the smallest size says
 *       whether time grows linearly.
 *   <li>{@code providers}: {@code -Dscale.providers} (500) configured providers on one loopback server answering
 *       after {@code -Dscale.latency} (300) ms each, fetched in this JVM with each of {@code -Dscale.concurrency}
 *       (default 64,16): the run's length in latencies against ⌈providers / concurrency⌉, and the most connections
 *       the server saw open at once.
 *   <li>{@code configs}: the whole corpus catalog in forked Maven: {@code generate-configs} cold (fresh configs and
 *       cache folders) and again with nothing changed; {@code update-configs -Dcatalog.tools=codex
 *       -Dcatalog.include=*} into a fresh home (8,508 profile files) and again with nothing to change. Each run is
 *       paired with the same command and {@code -Dcatalog.skip=true} (Maven's own start, the goal skipped), run
 *       right after it, and the table gives both medians and the median of the pairs' ratios.
 * </ul>
 *
 * <p>{@code -Dscale.runs} (3) timed runs after {@code -Dscale.warmups} (1). Results are printed and written to
 * {@code <workDir>/scale-results.txt}; the load average is printed before and after each part, since figures taken
 * on a busy machine say little.
 */
public final class ScaleBenchmark {

    private static final Pattern SUMMARY = Pattern.compile("providers: .* in (\\d+) ms");

    private final int runs = Integer.getInteger("scale.runs", 3);
    private final int warmups = Integer.getInteger("scale.warmups", 1);
    private final long latency = Long.getLong("scale.latency", 300);
    private final int providerCount = Integer.getInteger("scale.providers", 500);
    private final Set<String> parts =
            Set.of(System.getProperty("scale.parts", "size,providers,configs").split(","));
    private final Path work;
    private final PrintStream out = System.out;
    private final StringBuilder results = new StringBuilder();
    private int forks;

    private ScaleBenchmark(Path work) {
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path work =
                Paths.get(System.getProperty("bench.workDir", "target/bench")).toAbsolutePath();
        new ScaleBenchmark(work).run();
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        result("== scale benchmarks, %s, %d runs after %d warm-up ==", Instant.now(), runs, warmups);
        if (parts.contains("size")) {
            size();
        }
        if (parts.contains("providers")) {
            providers();
        }
        if (parts.contains("configs")) {
            configs();
        }
        Files.writeString(work.resolve("scale-results.txt"), results.toString(), StandardCharsets.UTF_8);
    }

    private void result(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        out.println(line);
        results.append(line).append('\n');
    }

    private static int[] ints(String property, String defaults) {
        return Arrays.stream(System.getProperty(property, defaults).split(","))
                .mapToInt(s -> Integer.parseInt(s.trim()))
                .toArray();
    }

    // ---------------------------------------------------------------------------------------------------- size

    private void size() throws Exception {
        int[] sizes = ints("scale.sizes", "10000,100000");
        ProviderDefinition openai =
                ProviderRegistry.builtIn().select(List.of("openai")).get(0);
        result("-- size: one provider (openai) with a synthetic list; load %s", loadAverage());
        result(
                "%8s %10s | %-34s %-24s %-22s | %s",
                "models",
                "body MiB",
                "forked fetch, cold: wall ms (goal ms)",
                "heap MiB: peak used/live",
                "live / body",
                "in this JVM, warm: ms");
        Map<Integer, double[]> timings = new LinkedHashMap<>();
        try (LoopbackProviderServer server = new LoopbackProviderServer()) {
            Map<String, String> env = LegacyCorpus.environmentFor(server, openai);
            ForkedMaven.Result skipped = forkFetch(env, true, gcLog("skip"));
            FetchBenchmark.Heap base = heap("skip");
            expectOk(skipped);
            // the in-process column compares sizes in one warm JVM: let the JIT compile the fetch path on the
            // largest list first, or the first size measured pays for the warm-up (100k/10k read 6.1, not ~10)
            int largest = sizes[sizes.length - 1];
            server.route(LegacyCorpus.modelsPath(openai), Response.json(SyntheticModelList.body(largest, 42)));
            inProcessSize(openai, env, largest);
            for (int n : sizes) {
                byte[] body = SyntheticModelList.body(n, 42);
                server.route(LegacyCorpus.modelsPath(openai), Response.json(body));
                double bodyMiB = body.length / 1048576.0;
                List<Double> wall = new ArrayList<>();
                List<Double> goal = new ArrayList<>();
                FetchBenchmark.Heap worst = null;
                for (int i = -warmups; i < runs; i++) {
                    String tag = "size-" + n + "-" + (i + warmups);
                    long t0 = System.nanoTime();
                    ForkedMaven.Result r = forkFetch(env, false, gcLog(tag));
                    double ms = (System.nanoTime() - t0) / 1e6;
                    expectOk(r);
                    FetchBenchmark.Heap h = heap(tag);
                    if (i >= 0) {
                        wall.add(ms);
                        goal.add(goalMillis(r));
                        worst = worst == null || h.peakAfterGcMiB() > worst.peakAfterGcMiB() ? h : worst;
                    }
                }
                List<Double> inJvm = inProcessSize(openai, env, n);
                double live = worst.peakAfterGcMiB() - base.peakAfterGcMiB();
                timings.put(n, new double[] {median(goal), median(inJvm)});
                result(
                        "%8d %10.1f | %10.0f (%6.0f) %-13s | %6.0f / %6.0f            | %5.1f x (%s)       | %6.0f",
                        n,
                        bodyMiB,
                        median(wall),
                        median(goal),
                        "",
                        worst.peakUsedMiB(),
                        worst.peakAfterGcMiB(),
                        live / bodyMiB,
                        String.format(Locale.ROOT, "+%.0f MiB over Maven's %.0f", live, base.peakAfterGcMiB()),
                        median(inJvm));
            }
        }
        if (timings.size() >= 2) {
            int small = sizes[0];
            int large = sizes[sizes.length - 1];
            result(
                    "ratio %d/%d models (%.0fx the size): goal %.1f, in this JVM %.1f (linear: %.0f)",
                    large,
                    small,
                    (double) large / small,
                    timings.get(large)[0] / timings.get(small)[0],
                    timings.get(large)[1] / timings.get(small)[1],
                    (double) large / small);
        }
        if (timings.size() >= 3) {
            // the fixed cost (JVM warm-up, client set-up) hides the growth: take it away with the smallest run
            int base = sizes[0];
            int mid = sizes[sizes.length - 2];
            int large = sizes[sizes.length - 1];
            result(
                    "net of the %d-model run, %d against %d models: goal %.1f, in this JVM %.1f (linear: %.1f)",
                    base,
                    large,
                    mid,
                    (timings.get(large)[0] - timings.get(base)[0]) / (timings.get(mid)[0] - timings.get(base)[0]),
                    (timings.get(large)[1] - timings.get(base)[1]) / (timings.get(mid)[1] - timings.get(base)[1]),
                    (double) (large - base) / (mid - base));
        }
        result(
                "   (heap: from -Xlog:gc; 'live' is the largest heap after a GC, less the same for Maven's start with the"
                        + " goal skipped; load %s)",
                loadAverage());
    }

    private List<Double> inProcessSize(ProviderDefinition openai, Map<String, String> env, int n) throws IOException {
        List<Double> ms = new ArrayList<>();
        for (int i = -2; i < runs; i++) {
            Path dir = work.resolve("scale-in-process-" + n + "-" + (++forks));
            FetchOptions options = FetchOptions.builder(dir.resolve("models"))
                    .providers(List.of(openai))
                    .env(EnvironmentLookup.of(env))
                    .build();
            long t0 = System.nanoTime();
            FetchReport report = new CatalogFetch(options).run(FetchListener.none());
            double elapsed = (System.nanoTime() - t0) / 1e6;
            if (report.count(ProviderOutcome.Fetched.class) != 1) {
                throw new IllegalStateException("in-process fetch: " + report.summary());
            }
            if (i >= 0) {
                ms.add(elapsed);
            }
            deleteRecursively(dir);
        }
        return ms;
    }

    private Path gcLog(String tag) {
        return work.resolve("scale-gc-" + tag + ".log");
    }

    private FetchBenchmark.Heap heap(String tag) throws IOException {
        return FetchBenchmark.parseGcLog(Files.readAllLines(gcLog(tag), StandardCharsets.UTF_8));
    }

    private ForkedMaven.Result forkFetch(Map<String, String> env, boolean skip, Path gcLog) throws Exception {
        Path dir = work.resolve("scale-run-" + (++forks));
        Files.deleteIfExists(gcLog);
        ForkedMaven m = new ForkedMaven(dir)
                .goals(ForkedMaven.goal("fetch"))
                .property("catalog.outputDirectory", dir.resolve("models"))
                .property("catalog.providers", "openai")
                .env(env)
                .env("MAVEN_OPTS", "-Xmx2g -Xlog:gc,gc+heap+exit:file=" + gcLog);
        if (skip) {
            m.property("catalog.fetch.skip", true);
        }
        ForkedMaven.Result r = m.run();
        Files.write(dir.resolve("build.log"), r.log(), StandardCharsets.UTF_8);
        if (r.exitCode() == 0) {
            deleteRecursively(dir.resolve("models"));
            deleteRecursively(dir.resolve("cache"));
        }
        return r;
    }

    private static void expectOk(ForkedMaven.Result r) {
        if (r.exitCode() != 0 || r.logContains(" FAILED")) {
            throw new IllegalStateException("forked build failed:\n" + r.text());
        }
    }

    private static double goalMillis(ForkedMaven.Result r) {
        for (String l : r.log()) {
            Matcher m = SUMMARY.matcher(l);
            if (m.find()) {
                return Double.parseDouble(m.group(1));
            }
        }
        return Double.NaN;
    }

    // ----------------------------------------------------------------------------------------------- providers

    private void providers() throws Exception {
        int[] concurrencies = ints("scale.concurrency", "64,16");
        result(
                "-- providers: %d configured providers, each answering after %d ms, in this JVM; load %s",
                providerCount, latency, loadAverage());
        result(
                "%12s | %10s %10s %14s | %s",
                "concurrency", "wall ms", "latencies", "ceil(n/conc.)", "most connections open at once (server)");
        try (LoopbackProviderServer server = new LoopbackProviderServer()) {
            LoopbackProviders synthetic = LoopbackProviders.openAiCompatible(
                    server,
                    "synthetic",
                    providerCount,
                    i -> Response.json("{\"object\": \"list\", \"data\": [{\"id\": \"m-" + i + "-b\"}, {\"id\": \"m-"
                            + i + "-a\"}]}"));
            for (int concurrency : concurrencies) {
                List<Double> ms = new ArrayList<>();
                int peak = 0;
                for (int i = -warmups; i < runs; i++) {
                    server.latency(i < 0 ? 0 : latency);
                    waitForIdle(server);
                    server.resetPeakConnections();
                    Path dir = work.resolve("scale-providers-" + (++forks));
                    FetchOptions options = FetchOptions.builder(dir)
                            .providers(synthetic.providers())
                            .env(synthetic.environment())
                            .network(NetworkPolicy.defaults().withConcurrency(concurrency))
                            .build();
                    long t0 = System.nanoTime();
                    FetchReport report = new CatalogFetch(options).run(FetchListener.none());
                    double elapsed = (System.nanoTime() - t0) / 1e6;
                    if (report.count(ProviderOutcome.Fetched.class) != providerCount) {
                        throw new IllegalStateException("providers: " + report.summary());
                    }
                    if (i >= 0) {
                        ms.add(elapsed);
                        peak = Math.max(peak, server.peakConnections());
                    }
                    deleteRecursively(dir);
                }
                result(
                        "%12d | %10.0f %10.1f %14d | %d",
                        concurrency,
                        median(ms),
                        median(ms) / latency,
                        (providerCount + concurrency - 1) / concurrency,
                        peak);
            }
        }
        result("   (load %s)", loadAverage());
    }

    private static void waitForIdle(LoopbackProviderServer server) throws InterruptedException {
        for (int i = 0; i < 500 && server.openConnections() > 0; i++) {
            Thread.sleep(10);
        }
    }

    // ------------------------------------------------------------------------------------------------- configs

    /** The config scenarios, in the order each timed round runs them. */
    private static final List<String> CONFIG_SCENARIOS = List.of(
            "generate-configs, first run",
            "generate-configs, rerun, nothing changed",
            "update-configs codex include=*, first run",
            "update-configs codex include=*, rerun, nothing to change");

    private void configs() throws Exception {
        result(
                "-- configs: the whole corpus catalog in forked Maven, each run paired with the same command and"
                        + " -Dcatalog.skip=true (Maven's own start), interleaved; load %s",
                loadAverage());
        Path catalog = CorpusCatalog.copyTo(work.resolve("scale-configs-catalog-" + (++forks)));
        Map<String, List<Double>> goal = new LinkedHashMap<>();
        Map<String, List<Double>> skip = new LinkedHashMap<>();
        Map<String, List<Double>> ratio = new LinkedHashMap<>();
        Map<String, String> last = new LinkedHashMap<>();
        long profiles = 0;
        long userProfiles = 0;
        for (int i = -warmups; i < runs; i++) {
            Path dir = work.resolve("scale-configs-" + (++forks));
            Path home = dir.resolve("home");
            Files.createDirectories(home.resolve(".codex"));
            for (String scenario : CONFIG_SCENARIOS) {
                boolean update = scenario.startsWith("update");
                long t0 = System.nanoTime();
                ForkedMaven.Result r = update ? update(dir, catalog, home, false) : generate(dir, catalog, false);
                double goalMs = (System.nanoTime() - t0) / 1e6;
                t0 = System.nanoTime();
                ForkedMaven.Result skipped = update ? update(dir, catalog, home, true) : generate(dir, catalog, true);
                double skipMs = (System.nanoTime() - t0) / 1e6;
                if (scenario.contains("rerun")
                        && r.log().stream()
                                .noneMatch(l -> l.contains("Unchanged since the last run")
                                        || l.contains("Nothing to change since the last run"))) {
                    throw new IllegalStateException(scenario + " did not take the rerun's fast path:\n" + r.text());
                }
                if (skipped.log().stream().anyMatch(l -> l.contains("file(s) written"))) {
                    throw new IllegalStateException("-Dcatalog.skip=true ran the goal:\n" + skipped.text());
                }
                if (i >= 0) {
                    goal.computeIfAbsent(scenario, k -> new ArrayList<>()).add(goalMs);
                    skip.computeIfAbsent(scenario, k -> new ArrayList<>()).add(skipMs);
                    ratio.computeIfAbsent(scenario, k -> new ArrayList<>()).add(goalMs / skipMs);
                }
                last.put(scenario, summaryLine(r));
            }
            try (Stream<Path> s = Files.list(dir.resolve("configs/codex/profiles"))) {
                profiles = s.count();
            }
            try (Stream<Path> s = Files.list(home.resolve(".codex"))) {
                userProfiles = s.filter(f -> f.getFileName().toString().endsWith(".config.toml"))
                        .count();
            }
            deleteRecursively(dir);
        }
        result("%-56s | %8s %8s %9s | %s", "scenario", "goal ms", "skip ms", "goal/skip", "the goal's last line");
        for (String scenario : CONFIG_SCENARIOS) {
            result(
                    "%-56s | %8.0f %8.0f %9.2f | %s",
                    scenario,
                    median(goal.get(scenario)),
                    median(skip.get(scenario)),
                    median(ratio.get(scenario)),
                    last.get(scenario));
        }
        result(
                "   (goal/skip: the median of the pairs' ratios; %d generated codex profiles, %d written into the"
                        + " home; load %s)",
                profiles, userProfiles, loadAverage());
    }

    private ForkedMaven.Result generate(Path dir, Path catalog, boolean skip) throws Exception {
        ForkedMaven m = new ForkedMaven(dir)
                .goals(ForkedMaven.goal("generate-configs"))
                .property("catalog.outputDirectory", catalog)
                .property("catalog.configsDirectory", dir.resolve("configs"))
                .env("MAVEN_OPTS", "-Xmx1g");
        return fork(dir, skip ? m.property("catalog.skip", true) : m);
    }

    /** update-configs of codex with a profile file per model, in a home of its own (never the real one). */
    private ForkedMaven.Result update(Path dir, Path catalog, Path home, boolean skip) throws Exception {
        ForkedMaven m = new ForkedMaven(dir)
                .goals(ForkedMaven.goal("update-configs"))
                .property("catalog.outputDirectory", catalog)
                .property("catalog.tools", "codex")
                .property("catalog.include", "*")
                .env("HOME", home.toString())
                .env("CODEX_HOME", home.resolve(".codex").toString())
                .env("MAVEN_OPTS", "-Xmx1g");
        return fork(dir, skip ? m.property("catalog.skip", true) : m);
    }

    private ForkedMaven.Result fork(Path dir, ForkedMaven m) throws Exception {
        ForkedMaven.Result r = m.run();
        Files.write(dir.resolve("build-" + (++forks) + ".log"), r.log(), StandardCharsets.UTF_8);
        expectOk(r);
        return r;
    }

    private static String summaryLine(ForkedMaven.Result r) {
        return r.log().stream()
                .filter(l -> l.contains("file(s) written"))
                .findFirst()
                .orElse("?")
                .replace("[INFO] ", "");
    }

    // ---------------------------------------------------------------------------------------------------- misc

    private static double median(List<Double> v) {
        return FetchBenchmark.median(v);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p :
                    s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Paths.get("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
