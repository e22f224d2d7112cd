package io.modelcatalog.backups;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backup ids: the UTC second a backup was made and a three-digit sequence number within that second, such as
 * {@code 20250614T093012Z-001}. Ids of the same length sort as text in the order they were made; the number
 * tells apart backups of the same second.
 */
final class BackupIds {

    /** The most backups one second can hold; the next one takes the following second. */
    static final int MAX_SEQUENCE = 999;

    private static final Pattern ID = Pattern.compile("([0-9]{8}T[0-9]{6}Z)-([0-9]{3})");
    private static final DateTimeFormatter SECOND =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private BackupIds() {}

    static boolean isId(String name) {
        return ID.matcher(name).matches();
    }

    /** The second part of an id made at this instant. */
    static String second(Instant instant) {
        return SECOND.format(instant);
    }

    static String id(String second, int sequence) {
        return second + "-" + String.format("%03d", sequence);
    }

    static String secondOf(String id) {
        return parse(id).group(1);
    }

    static int sequenceOf(String id) {
        return Integer.parseInt(parse(id).group(2));
    }

    /** The second after the given one, for a second whose sequence numbers are used up. */
    static String nextSecond(String second) {
        return second(Instant.from(SECOND.parse(second)).plusSeconds(1));
    }

    private static Matcher parse(String id) {
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a backup id: " + id);
        }
        return m;
    }
}
