package io.modelcatalog.text;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as a user writes it in a setting: a whole number of seconds ({@code 30}), a number with a unit
 * ({@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}), or an ISO-8601 duration ({@code PT30S}).
 */
public final class DurationText {

    /** The accepted forms, for messages about a value that is none of them. */
    public static final String FORMS = "a duration such as 30 (seconds), 30s, 500ms, 2m or PT30S";

    private static final Pattern WITH_UNIT = Pattern.compile("(-?\\d+)\\s*(ms|s|m|h)?");

    private DurationText() {}

    /** The duration {@code text} stands for, or empty when it is none of the {@link #FORMS}. */
    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = WITH_UNIT.matcher(t);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2);
                return Optional.of(
                        switch (unit) {
                            case "ms" -> Duration.ofMillis(n);
                            case "m" -> Duration.ofMinutes(n);
                            case "h" -> Duration.ofHours(n);
                            default -> Duration.ofSeconds(n);
                        });
            }
            if (t.startsWith("p") || t.startsWith("-p")) {
                return Optional.of(Duration.parse(t.toUpperCase(Locale.ROOT)));
            }
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
