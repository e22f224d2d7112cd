package io.modelcatalog.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The names nearest to one a user typed, for "did you mean" hints: case-insensitive, by containment then edits. */
public final class ClosestNames {

    private ClosestNames() {}

    /**
     * The {@code limit} nearest names (case-insensitive): those that hold the name ({@code llama-3.3-70b} in
     * {@code llama-3.3-70b-versatile}) first, then by edit distance, ties by text.
     */
    public static List<String> closest(String name, Iterable<String> candidates, int limit) {
        String q = name.toLowerCase(Locale.ROOT);
        List<String[]> scored = new ArrayList<>();
        for (String c : candidates) {
            String lc = c.toLowerCase(Locale.ROOT);
            int holds = lc.contains(q) ? 0 : 1;
            scored.add(new String[] {holds + String.format(Locale.ROOT, "%06d", distance(q, lc)), c});
        }
        scored.sort(Comparator.<String[], String>comparing(s -> s[0]).thenComparing(s -> s[1]));
        return scored.stream().limit(limit).map(s -> s[1]).toList();
    }

    /**
     * The names that are plausibly what was meant: equal but for case, or within two edits (a third of the name's
     * length for long names), or holding it; at most {@code limit}, nearest first. Empty when nothing is close.
     */
    public static List<String> likely(String name, Iterable<String> candidates, int limit) {
        String q = name.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, q.length() / 3);
        List<String> near = new ArrayList<>();
        for (String c : closest(name, candidates, Integer.MAX_VALUE)) {
            String lc = c.toLowerCase(Locale.ROOT);
            if (near.size() < limit && ((q.length() >= 3 && lc.contains(q)) || distance(q, lc) <= allowed)) {
                near.add(c);
            }
        }
        return near;
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
