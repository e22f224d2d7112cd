package io.modelcatalog.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * A provider's last run as {@code failed_models.json} records it. The legacy tool writes an entry only once a
 * provider has failed: a provider that never failed has none, and a later success keeps the old error beside
 * {@code "failed": false}.
 *
 * @param status      what the last recorded run did
 * @param lastSuccess the {@code Date} of the last successful response (HTTP date), if recorded
 * @param lastAttempt when the last failed attempt ran (the fetching machine's local time), if recorded
 * @param error       the last failure's message, if recorded
 */
public record RunRecord(
        Status status, Optional<String> lastSuccess, Optional<String> lastAttempt, Optional<String> error) {

    /** What the last recorded run of a provider did. */
    public enum Status {
        SUCCEEDED("succeeded"),
        FAILED("failed"),
        NO_RECORD("no record");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    public static RunRecord none() {
        return new RunRecord(Status.NO_RECORD, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Reads an entry; fields of the wrong type count as absent. */
    public static RunRecord of(JsonNode entry) {
        Optional<String> success = text(entry, "last_success");
        Optional<String> attempt = text(entry, "last_attempt");
        Optional<String> error = text(entry, "error");
        boolean failed = entry.path("failed").asBoolean(false);
        Status status = failed ? Status.FAILED : success.isPresent() ? Status.SUCCEEDED : Status.NO_RECORD;
        return new RunRecord(status, success, attempt, error);
    }

    /** The time of the run the status is about, raw as recorded. */
    public Optional<String> when() {
        return switch (status) {
            case FAILED -> lastAttempt;
            case SUCCEEDED -> lastSuccess;
            case NO_RECORD -> Optional.empty();
        };
    }

    /**
     * {@link #when()} as {@code yyyy-MM-dd HH:mm}, with {@code UTC} for an HTTP date; the raw text when it does not
     * parse.
     */
    public Optional<String> whenShown() {
        return when().map(raw -> status == Status.SUCCEEDED ? httpDate(raw) : localTime(raw));
    }

    private static String httpDate(String raw) {
        try {
            ZonedDateTime t = ZonedDateTime.parse(raw.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
            return SHOWN.format(t.withZoneSameInstant(ZoneOffset.UTC)) + " UTC";
        } catch (DateTimeParseException e) {
            return raw;
        }
    }

    private static String localTime(String raw) {
        try {
            return SHOWN.format(LocalDateTime.parse(raw.trim()));
        } catch (DateTimeParseException e) {
            return raw;
        }
    }

    private static Optional<String> text(JsonNode entry, String field) {
        JsonNode v = entry.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }
}
