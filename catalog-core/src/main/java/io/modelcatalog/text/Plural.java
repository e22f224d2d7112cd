package io.modelcatalog.text;

/** A count with its noun in the right number for log lines and summaries: "1 provider", "2 providers", "0 models". */
public final class Plural {

    private Plural() {}

    /** {@code n} and {@code word}, with an {@code s} added unless {@code n} is 1. */
    public static String of(long n, String word) {
        return of(n, word, word + "s");
    }

    /** {@code n} and {@code one} when {@code n} is 1, else {@code many} (for nouns such as family/families). */
    public static String of(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
