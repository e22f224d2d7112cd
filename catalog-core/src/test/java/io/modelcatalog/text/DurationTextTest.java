package io.modelcatalog.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void secondsUnitsAndIsoDurations() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), DurationText.parse("30"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), DurationText.parse(" 30s "));
        assertEquals(Optional.of(Duration.ofMillis(500)), DurationText.parse("500ms"));
        assertEquals(Optional.of(Duration.ofMinutes(2)), DurationText.parse("2m"));
        assertEquals(Optional.of(Duration.ofHours(1)), DurationText.parse("1H"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), DurationText.parse("PT30S"));
        assertEquals(Optional.of(Duration.ofSeconds(90)), DurationText.parse("pt1m30s"));
        assertEquals(Optional.of(Duration.ofSeconds(-5)), DurationText.parse("-5"));
    }

    @Test
    void anythingElseIsNone() {
        for (String bad : new String[] {"abc", "", "30x", "3.5s", "PT", "99999999999999999999", "s"}) {
            assertEquals(Optional.empty(), DurationText.parse(bad), bad);
        }
        assertEquals(Optional.empty(), DurationText.parse(null));
    }
}
