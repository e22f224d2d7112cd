package io.modelcatalog.fetching;

import java.time.Duration;
import java.util.Locale;

/** Durations in words a log reader takes in at a glance ({@code 250 ms}, {@code 5 s}, {@code 1.5 s}, {@code -5 s}), never {@code PT-5S}. */
public final class Durations {

    private Durations() {}

    /** Whole milliseconds under a second, seconds (with a tenth when there is one) from there on. */
    public static String words(Duration d) {
        long millis = d.toMillis();
        long abs = Math.abs(millis);
        if (abs < 1000) {
            return millis + " ms";
        }
        if (abs % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
