package io.modelcatalog.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PluralTest {

    @Test
    void oneIsSingularAndEveryOtherCountPlural() {
        assertEquals("1 provider", Plural.of(1, "provider"));
        assertEquals("0 providers", Plural.of(0, "provider"));
        assertEquals("36 providers", Plural.of(36, "provider"));
        assertEquals("1 family", Plural.of(1, "family", "families"));
        assertEquals("2 families", Plural.of(2, "family", "families"));
    }
}
