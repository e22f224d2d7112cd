package io.modelcatalog.legacy.differential;

import static org.junit.jupiter.api.Assertions.fail;

import io.modelcatalog.legacy.differential.DifferentialRun.Kind;
import io.modelcatalog.legacy.differential.DifferentialRun.Verdict;
import io.modelcatalog.testing.RequiredTool;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin against the legacy {@code dump_models.py} itself: random provider responses ({@link DocumentGenerator})
 * fetched by both from one loopback server, every {@code models_<p>.json/.txt/.toml} compared byte for byte
 * ({@link DifferentialRun}). A response the legacy script fails on must fail it as {@link LegacyCrash} records, with
 * the plugin doing what is recorded there.
 *
 * <p>{@code -Dlegacy.diff.tries=N} documents (default {@value #DEFAULT_TRIES}: 8 runs of the script, about 10 s on
 * an idle 2-core machine), from {@code -Dlegacy.diff.seed=S} (default: a random seed, printed), runs two at a time
 * ({@code -Dlegacy.diff.parallel}). A difference fails the test with the seed, the document's number and the
 * smallest document that still shows it (found by {@link Shrinker} within {@code -Dlegacy.diff.shrinkSeconds}).
 * Where the legacy script or a Python with its modules is missing it is skipped, saying why, on a developer's
 * machine, and fails in CI ({@code .ci/install-tools} installs the modules); {@code -Dlegacy.diff.script} and
 * {@code -Dlegacy.diff.python} point at them elsewhere.
 */
class LegacyDifferentialTest {

    static final int DEFAULT_TRIES = 8 * 39;
    private static final int SHRINK_ROUNDS = 60;
    private static final int SHRINK_BATCHES_PER_ROUND = 3;
    private static final long SHRINK_SECONDS = 150;

    @TempDir
    Path work;

    @Test
    void pluginWritesWhatTheLegacyScriptWrites() throws Exception {
        LegacyScript.Located located = LegacyScript.locate();
        RequiredTool.require("the legacy script with its Python", located.missing(), located.install());
        LegacyScript legacy = located.script().orElseThrow();

        long seed = seed();
        int tries = Integer.getInteger("legacy.diff.tries", DEFAULT_TRIES);
        int slots = DifferentialRun.SLOTS.size();
        System.out.println("legacy differential: seed " + seed + ", " + tries + " documents, " + slots + " a run of "
                + legacy.describe() + " (replay: -Dlegacy.diff.seed=" + seed + ")");

        Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
        Map<LegacyCrash, Integer> crashes = new EnumMap<>(LegacyCrash.class);
        long files = 0;
        long start = System.nanoTime();
        List<Verdict> mismatches = new ArrayList<>();
        List<Long> mismatchIndexes = new ArrayList<>();
        // batches run two at a time by default: the legacy script is a single-threaded Python process
        int parallel = Math.max(1, Integer.getInteger("legacy.diff.parallel", 2));
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            Deque<Future<List<Verdict>>> pending = new ArrayDeque<>();
            Deque<Long> firsts = new ArrayDeque<>();
            long next = 0;
            while ((next < tries || !pending.isEmpty()) && mismatches.isEmpty()) {
                while (next < tries && pending.size() < parallel) {
                    List<GenDocument> docs = new ArrayList<>();
                    for (long i = next; i < Math.min(tries, next + slots); i++) {
                        docs.add(DocumentGenerator.document(seed, i));
                    }
                    pending.add(pool.submit(() -> DifferentialRun.run(legacy, docs, work)));
                    firsts.add(next);
                    next += slots;
                }
                List<Verdict> verdicts = pending.poll().get();
                long first = firsts.poll();
                for (int i = 0; i < verdicts.size(); i++) {
                    Verdict v = verdicts.get(i);
                    kinds.merge(v.kind(), 1, Integer::sum);
                    v.crash()
                            .filter(c -> v.kind() == Kind.LEGACY_CRASH_AS_RECORDED)
                            .ifPresent(c -> crashes.merge(c, 1, Integer::sum));
                    files += v.filesCompared();
                    if (v.kind() == Kind.MISMATCH) {
                        mismatches.add(v);
                        mismatchIndexes.add(first + i);
                    }
                }
                if ((first / slots) % 50 == 49) {
                    System.out.println("legacy differential: " + (first + slots) + " documents, " + files
                            + " files compared so far");
                }
            }
            for (Future<List<Verdict>> f : pending) {
                f.get(); // let the batches in flight finish before the temporary folder goes
            }
        } finally {
            pool.shutdownNow();
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.println("legacy differential: "
                + kinds.values().stream().mapToInt(Integer::intValue).sum()
                + " documents in " + seconds + " s, " + files + " files compared byte for byte; " + kinds
                + "; legacy crashes as recorded: " + crashes + "; legacy script " + millis(0) + " ms, plugin "
                + millis(1) + " ms");
        if (!mismatches.isEmpty()) {
            Verdict first = mismatches.get(0);
            Verdict smallest = shrink(legacy, first);
            fail("the plugin and the legacy script differ on " + mismatches.size() + " documents of the last batch;"
                    + " first: seed " + seed + ", document #" + mismatchIndexes.get(0) + " (replay with"
                    + " -Dlegacy.diff.seed=" + seed + ")\n" + first.detail()
                    + "\nsmallest document that shows it (served as " + smallest.provider() + "'s model list):\n"
                    + smallest.doc().show() + "\n" + smallest.detail() + "\nall of the batch's differences:\n"
                    + String.join(
                            "\n",
                            mismatches.stream()
                                    .map(m -> "- " + m.detail() + "\n  document: "
                                            + shorten(m.doc().show()))
                                    .toList()));
        }
    }

    private static long millis(int side) {
        synchronized (DifferentialRun.TIMES) {
            return DifferentialRun.TIMES.stream().mapToLong(t -> t[side]).sum();
        }
    }

    private static String shorten(String s) {
        return s.length() > 1500 ? s.substring(0, 1500) + "... (" + s.length() + " characters)" : s;
    }

    private static long seed() {
        String s = System.getProperty("legacy.diff.seed");
        return s == null || s.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(s.trim());
    }

    /**
     * The smallest variant of the failing document with a difference of the same kind, within
     * {@code legacy.diff.shrinkSeconds} (default {@value #SHRINK_SECONDS}); each round runs batches of smaller
     * candidates and keeps the smallest that still differs.
     */
    private Verdict shrink(LegacyScript legacy, Verdict failing) throws Exception {
        Verdict best = failing;
        int slots = DifferentialRun.SLOTS.size();
        long deadline = System.nanoTime() + Long.getLong("legacy.diff.shrinkSeconds", SHRINK_SECONDS) * 1_000_000_000L;
        for (int round = 0; round < SHRINK_ROUNDS && System.nanoTime() < deadline; round++) {
            List<GenDocument> candidates = Shrinker.candidates(best.doc());
            Optional<Verdict> smaller = Optional.empty();
            for (int b = 0; b < SHRINK_BATCHES_PER_ROUND && smaller.isEmpty() && System.nanoTime() < deadline; b++) {
                int from = b * slots;
                if (from >= candidates.size()) {
                    break;
                }
                List<GenDocument> batch = candidates.subList(from, Math.min(candidates.size(), from + slots));
                String signature = best.signature();
                smaller = DifferentialRun.run(legacy, batch, work).stream()
                        .filter(v -> v.kind() == Kind.MISMATCH && v.signature().equals(signature))
                        .findFirst();
            }
            if (smaller.isEmpty()) {
                break;
            }
            best = smaller.get();
        }
        return best;
    }
}
