package io.modelcatalog.it.bench;

import io.modelcatalog.fetching.CatalogFetch;
import io.modelcatalog.fetching.FetchListener;
import io.modelcatalog.fetching.FetchOptions;
import io.modelcatalog.fetching.FetchReport;
import io.modelcatalog.fetching.NetworkPolicy;
import io.modelcatalog.it.ForkedMaven;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.testing.LegacyCorpus;
import io.modelcatalog.testing.LoopbackProviderServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end benchmark of the {@code fetch} goal: forked {@code mvn …:fetch} of all corpus providers against the
 * loopback server, timed from outside (process wall time), with Maven's own start cost (a skipped fetch) and the
 * pipeline's own time (the summary line's {@code in N ms}) beside it, once without and once with latency on
 * every response (the three interleaved, round by round, against load drift); then the peak heap of a fetch
 * under {@code -Xmx256m}, read from a GC log.
 *
 * <p>Run by the {@code benchmarks} profile of catalog-it (see its pom). Settings, as system properties:
 * {@code bench.runs} (5), {@code bench.warmups} (1), {@code bench.latency} (300 ms), {@code bench.heapRuns} (3),
 * {@code bench.concurrency} (unset: the goal's default), {@code bench.jfr} (true: each timed fetch also writes a
 * JFR recording into the work folder), {@code bench.mavenOpts} (more MAVEN_OPTS for every fork, {@code @RUN@} standing
 * for the run's folder, e.g. {@code -XX:TieredStopAtLevel=1}), {@code bench.workDir}, plus {@code maven.home}, {@code it.localRepo},
 * {@code it.pluginVersion} as for the ITs; {@code bench.inProcessRuns} (5; 0: none) for the pipeline alone, run in
 * this JVM. The table is printed at the end and written to
 * {@code <workDir>/results.txt}.
 */
public final class FetchBenchmark {

    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) providers: (\\d+) written, \\d+ unchanged, \\d+ skipped.*, (\\d+) failed; .* in (\\d+) ms");
    private static final Pattern MAVEN_TOTAL = Pattern.compile("Total time: +([0-9.]+) s");
    /** {@code [0.123s][info][gc] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 24M->5M(256M) 3.1ms} */
    private static final Pattern GC_PAUSE =
            Pattern.compile("GC\\(\\d+\\) Pause.* (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    /** the heap summary at exit: {@code garbage-first heap   total 262144K, used 41234K} (also Serial/Parallel) */
    private static final Pattern HEAP_EXIT = Pattern.compile("heap +total (\\d+)K, used (\\d+)K");

    private final int runs = Integer.getInteger("bench.runs", 5);
    private final int warmups = Integer.getInteger("bench.warmups", 1);
    private final long latency = Long.getLong("bench.latency", 300);
    private final int heapRuns = Integer.getInteger("bench.heapRuns", 3);
    private final String concurrency = System.getProperty("bench.concurrency", "");
    private final boolean jfr = Boolean.getBoolean("bench.jfr");
    private final String mavenOpts = System.getProperty("bench.mavenOpts", "").trim();
    private final int inProcessRuns = Integer.getInteger("bench.inProcessRuns", 5);
    private final Path work;
    private final List<String> providers = LegacyCorpus.providerNames();
    private final PrintStream out = System.out;
    private int forks;

    private FetchBenchmark(Path work) {
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path work =
                Paths.get(System.getProperty("bench.workDir", "target/bench")).toAbsolutePath();
        new FetchBenchmark(work).run();
    }

    /** One timed forked build. */
    record Sample(double wallMs, double mavenTotalMs, long pipelineMs, double cpuMs) {}

    /** A peak heap measurement. */
    record Heap(double peakBeforeGcMiB, double peakAfterGcMiB, double usedAtExitMiB, double committedMiB, int gcs) {
        double peakUsedMiB() {
            return Math.max(peakBeforeGcMiB, usedAtExitMiB);
        }
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        out.printf(
                Locale.ROOT,
                "fetch benchmark: %d providers, %d warm-up + %d runs per scenario, latency %d ms%s%s%n",
                providers.size(),
                warmups,
                runs,
                latency,
                concurrency.isEmpty() ? "" : ", catalog.concurrency=" + concurrency,
                mavenOpts.isEmpty() ? "" : ", MAVEN_OPTS += " + mavenOpts);
        String loadBefore = loadAverage();
        out.println("load average before: " + loadBefore);

        List<Sample> start;
        List<Sample> plain;
        List<Sample> slow;
        List<Heap> heaps = new ArrayList<>();
        List<String> inProcess = new ArrayList<>();
        try (LoopbackProviderServer server = new LoopbackProviderServer()) {
            Map<String, String> env = LegacyCorpus.serve(server);
            // interleaved rounds, so that a change in the machine's load hits every scenario alike
            List<List<Sample>> all = interleaved(server, env);
            start = all.get(0);
            plain = all.get(1);
            slow = all.get(2);
            server.latency(0);
            for (int i = 0; i < heapRuns; i++) {
                heaps.add(heapRun(env, i));
            }
            if (inProcessRuns > 0) {
                inProcess = inProcess(server, env);
            }
        }
        String loadAfter = loadAverage();

        StringBuilder t = new StringBuilder();
        t.append(String.format(
                Locale.ROOT,
                "%n== fetch benchmark, %s, %d providers, %d runs after %d warm-up%s%s ==%n",
                Instant.now(),
                providers.size(),
                runs,
                warmups,
                concurrency.isEmpty() ? "" : ", catalog.concurrency=" + concurrency,
                mavenOpts.isEmpty() ? "" : ", MAVEN_OPTS += " + mavenOpts));
        t.append(String.format(
                Locale.ROOT,
                "%-32s %8s %8s %8s %8s   %-16s %-12s %s%n",
                "scenario (wall ms, forked mvn)",
                "median",
                "min",
                "max",
                "spread",
                "CPU ms med (min)",
                "'Total time'",
                "pipeline ms med (min-max)"));
        row(t, "maven start only (skip=true)", start);
        row(t, "fetch, no latency", plain);
        row(t, "fetch, " + latency + " ms latency", slow);
        double overhead = median(wall(slow)) - median(wall(plain));
        t.append(String.format(
                Locale.ROOT, "latency overhead: %+.0f ms (target <= %d ms + a little)%n", overhead, latency));
        t.append(String.format(
                Locale.ROOT,
                "fetch minus maven start (medians): %.0f ms wall, %.0f ms CPU%n",
                median(wall(plain)) - median(wall(start)),
                median(plain.stream().map(Sample::cpuMs).toList())
                        - median(start.stream().map(Sample::cpuMs).toList())));
        if (!heaps.isEmpty()) {
            t.append(String.format(
                    Locale.ROOT, "peak heap, MAVEN_OPTS=-Xmx256m (%d runs, all succeeded):%n", heaps.size()));
            for (Heap h : heaps) {
                t.append(String.format(
                        Locale.ROOT,
                        "  peak used %.1f MiB (before GC %.1f, at exit %.1f), peak after GC %.1f MiB, committed %.0f MiB, %d GCs%n",
                        h.peakUsedMiB(),
                        h.peakBeforeGcMiB,
                        h.usedAtExitMiB,
                        h.peakAfterGcMiB,
                        h.committedMiB,
                        h.gcs));
            }
            t.append(String.format(
                    Locale.ROOT,
                    "  max peak used %.1f MiB, max peak after GC %.1f MiB (target < 256 MiB)%n",
                    heaps.stream().mapToDouble(Heap::peakUsedMiB).max().orElse(0),
                    heaps.stream().mapToDouble(Heap::peakAfterGcMiB).max().orElse(0)));
        }
        if (!inProcess.isEmpty()) {
            t.append(String.format(
                    Locale.ROOT,
                    "pipeline in-process (CatalogFetch.run in this warm JVM, no Maven; %d runs after 5 warm-up; ms):%n",
                    inProcessRuns));
            inProcess.forEach(l -> t.append("  ").append(l).append('\n'));
        }
        t.append("load average before: ")
                .append(loadBefore)
                .append("; after: ")
                .append(loadAfter)
                .append('\n');
        out.print(t);
        Files.writeString(work.resolve("results.txt"), t.toString(), StandardCharsets.UTF_8);
    }

    /** Rounds of (Maven start, fetch, fetch with latency); warm-up rounds first, not counted. */
    private List<List<Sample>> interleaved(LoopbackProviderServer server, Map<String, String> env) throws Exception {
        String[] names = {"maven start (fetch skipped)", "fetch, no latency", "fetch, " + latency + " ms latency"};
        List<List<Sample>> samples = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = -warmups; i < runs; i++) {
            out.println(i < 0 ? "-- warm-up round " + (i + warmups + 1) : "-- round " + (i + 1));
            for (int k = 0; k < 3; k++) {
                server.latency(k == 2 ? latency : 0);
                Sample s = timedRun(env, k == 0, null);
                out.printf(
                        Locale.ROOT,
                        "   %-30s wall %5.0f ms, CPU %5.0f ms, Maven total %5.0f ms%s, load %s%n",
                        names[k],
                        s.wallMs,
                        s.cpuMs,
                        s.mavenTotalMs,
                        s.pipelineMs >= 0 ? ", pipeline " + s.pipelineMs + " ms" : "",
                        loadAverage());
                if (i >= 0) {
                    samples.get(k).add(s);
                }
            }
        }
        server.latency(0);
        return samples;
    }

    /**
     * The pipeline alone, warm, in this JVM: {@link CatalogFetch#run} of all corpus providers with and without
     * latency, with the goal's default concurrency and with one thread per provider. Shows what latency costs the
     * pipeline itself (how many round trips lie on its critical path), free of Maven's start and of JIT warm-up.
     */
    private List<String> inProcess(LoopbackProviderServer server, Map<String, String> env) throws Exception {
        out.println("-- in-process pipeline");
        List<String> lines = new ArrayList<>();
        int defaultConcurrency = NetworkPolicy.defaults().concurrency();
        for (int threads : new int[] {defaultConcurrency, Math.max(providers.size(), defaultConcurrency)}) {
            List<Double> base = null;
            for (long lat : new long[] {0, latency}) {
                server.latency(lat);
                List<Double> ms = new ArrayList<>();
                for (int i = -5; i < inProcessRuns; i++) {
                    Path dir = work.resolve("in-process-" + (++forks));
                    FetchOptions options = FetchOptions.builder(dir.resolve("models"))
                            .providers(LegacyCorpus.providers())
                            .env(EnvironmentLookup.of(env))
                            .network(NetworkPolicy.defaults().withConcurrency(threads))
                            .build();
                    long t0 = System.nanoTime();
                    FetchReport report = new CatalogFetch(options).run(FetchListener.none());
                    double elapsed = (System.nanoTime() - t0) / 1e6;
                    if (!report.failures().isEmpty() || report.outcomes().size() != providers.size()) {
                        throw new IllegalStateException("in-process fetch: " + report.summary());
                    }
                    if (i >= 0) {
                        ms.add(elapsed);
                    }
                }
                String line = String.format(
                        Locale.ROOT,
                        "concurrency %2d, latency %3d ms: median %5.0f, min %5.0f, max %5.0f%s",
                        threads,
                        lat,
                        median(ms),
                        min(ms),
                        max(ms),
                        base == null
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        "   (latency costs %+.0f ms; the whole run lasts %.1f latencies)",
                                        median(ms) - median(base),
                                        median(ms) / Math.max(1, lat)));
                out.println("   " + line + ", load " + loadAverage());
                lines.add(line);
                if (base == null) {
                    base = ms;
                }
            }
        }
        server.latency(0);
        return lines;
    }

    private ForkedMaven fork(Path dir, Map<String, String> env) {
        ForkedMaven m = new ForkedMaven(dir)
                .goals(ForkedMaven.goal("fetch"))
                .property("catalog.outputDirectory", dir.resolve("models"))
                .property("catalog.providers", String.join(",", providers))
                .env(env);
        if (!concurrency.isEmpty()) {
            m.property("catalog.concurrency", concurrency);
        }
        return m;
    }

    /** A fresh output and cache folder per run, so every run writes all files and sends unconditional requests. */
    private Sample timedRun(Map<String, String> env, boolean skip, String mavenOpts) throws Exception {
        Path dir = work.resolve("run-" + (++forks));
        ForkedMaven m = fork(dir, env);
        if (skip) {
            m.property("catalog.fetch.skip", true);
        }
        String opts = (mavenOpts != null ? mavenOpts : "-Xmx512m")
                + (this.mavenOpts.isEmpty() ? "" : " " + this.mavenOpts.replace("@RUN@", dir.toString()));
        if (jfr && !skip) {
            opts += " -XX:StartFlightRecording=filename=" + dir.resolve("fetch.jfr") + ",settings=profile";
        }
        m.env("MAVEN_OPTS", opts);
        double cpu0 = childrenCpuMillis();
        long t0 = System.nanoTime();
        ForkedMaven.Result r = m.run();
        double wall = (System.nanoTime() - t0) / 1e6;
        double cpu = childrenCpuMillis() - cpu0;
        Files.write(dir.resolve("build.log"), r.log(), StandardCharsets.UTF_8);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(
                    "forked build failed (exit " + r.exitCode() + "), log in " + dir + ":\n" + r.text());
        }
        long pipeline = -1;
        if (skip) {
            if (!r.logContains("Skipping fetch")) {
                throw new IllegalStateException("the skipped fetch did not say so:\n" + r.text());
            }
        } else {
            Matcher sm = find(SUMMARY, r.log());
            if (sm == null
                    || !sm.group(1).equals(String.valueOf(providers.size()))
                    || !sm.group(2).equals(String.valueOf(providers.size()))
                    || !sm.group(3).equals("0")) {
                throw new IllegalStateException("not every provider written:\n" + r.text());
            }
            pipeline = Long.parseLong(sm.group(4));
        }
        Matcher tm = find(MAVEN_TOTAL, r.log());
        double total = tm == null ? Double.NaN : Double.parseDouble(tm.group(1)) * 1000;
        return new Sample(wall, total, pipeline, cpu);
    }

    private Heap heapRun(Map<String, String> env, int i) throws Exception {
        Path gcLog = work.resolve("gc-" + (i + 1) + ".log");
        Files.deleteIfExists(gcLog);
        String opts = "-Xmx256m -Xlog:gc,gc+heap+exit:file=" + gcLog;
        Sample s = timedRun(env, false, opts);
        Heap h = parseGcLog(Files.readAllLines(gcLog, StandardCharsets.UTF_8));
        out.printf(
                Locale.ROOT,
                "-- heap run %d (MAVEN_OPTS=%s): ok, wall %.0f ms; peak used %.1f MiB, peak after GC %.1f MiB, %d GCs%n",
                i + 1,
                opts,
                s.wallMs,
                h.peakUsedMiB(),
                h.peakAfterGcMiB,
                h.gcs);
        return h;
    }

    static Heap parseGcLog(List<String> lines) {
        double before = 0;
        double after = 0;
        double committed = 0;
        double exitUsed = 0;
        int gcs = 0;
        for (String line : lines) {
            Matcher m = GC_PAUSE.matcher(line);
            if (m.find()) {
                gcs++;
                before = Math.max(before, mib(m.group(1), m.group(2)));
                after = Math.max(after, mib(m.group(3), m.group(4)));
                committed = Math.max(committed, mib(m.group(5), m.group(6)));
            }
            Matcher e = HEAP_EXIT.matcher(line);
            if (e.find()) {
                committed = Math.max(committed, Long.parseLong(e.group(1)) / 1024.0);
                exitUsed = Math.max(exitUsed, Long.parseLong(e.group(2)) / 1024.0);
            }
        }
        return new Heap(before, after, exitUsed, committed, gcs);
    }

    private static double mib(String n, String unit) {
        double v = Double.parseDouble(n);
        return switch (unit) {
            case "K" -> v / 1024;
            case "G" -> v * 1024;
            default -> v;
        };
    }

    private static Matcher find(Pattern p, List<String> log) {
        Matcher last = null;
        for (String l : log) {
            Matcher m = p.matcher(l);
            if (m.find()) {
                last = m;
            }
        }
        return last;
    }

    private void row(StringBuilder t, String name, List<Sample> s) {
        List<Double> w = wall(s);
        List<Double> mt = s.stream().map(Sample::mavenTotalMs).toList();
        List<Double> cpu = s.stream().map(Sample::cpuMs).toList();
        List<Double> p = s.stream()
                .filter(x -> x.pipelineMs >= 0)
                .map(x -> (double) x.pipelineMs)
                .toList();
        t.append(String.format(
                Locale.ROOT,
                "%-32s %8.0f %8.0f %8.0f %8.0f   %-16s %-12s %s%n",
                name,
                median(w),
                min(w),
                max(w),
                max(w) - min(w),
                String.format(Locale.ROOT, "%.0f (%.0f)", median(cpu), min(cpu)),
                String.format(Locale.ROOT, "%.0f", median(mt)),
                p.isEmpty() ? "-" : String.format(Locale.ROOT, "%.0f (%.0f-%.0f)", median(p), min(p), max(p))));
    }

    private static List<Double> wall(List<Sample> s) {
        return s.stream().map(Sample::wallMs).toList();
    }

    static double median(List<Double> v) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(v);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /**
     * User plus system CPU time of this JVM's finished (waited-for) child processes, from /proc/self/stat
     * (cutime, cstime; in clock ticks, taken as 100 a second): the forked build's CPU, which depends far less on
     * the machine's load than its wall time. NaN where there is no /proc.
     */
    private static double childrenCpuMillis() {
        try {
            String stat = Files.readString(Paths.get("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 16 and 17 of stat(5), counted from the state field (3)
            return (Long.parseLong(f[16 - 3]) + Long.parseLong(f[17 - 3])) * 10.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
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
