package io.modelcatalog.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.modelcatalog.documents.JsonDocuments;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FactValuesTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static String perMillion(String json) {
        return FactValues.plain(
                FactValues.perTokenAsPerMillion(JsonDocuments.parse(json.getBytes(StandardCharsets.UTF_8), "test")));
    }

    @Test
    void perTokenPricesBecomeExactPerMillionInPlainNotation() {
        assertEquals("3", perMillion("\"0.000003\""));
        assertEquals("0.2", perMillion("\"0.0000002\""));
        assertEquals("2.5", perMillion("2.5e-06"), "a double is taken by its shortest digits, no 2.4999999999999996");
        assertEquals("0.075", perMillion("7.5e-08"));
        assertEquals("0", perMillion("\"0\""));
        assertEquals("0", perMillion("0.0"));
        assertEquals("1500", perMillion("0.0015"));
    }

    @Test
    void negativeOrMalformedValuesAreAbsent() {
        assertNull(FactValues.perTokenAsPerMillion(F.textNode("-1")));
        assertNull(FactValues.perTokenAsPerMillion(F.textNode("")));
        assertNull(FactValues.perTokenAsPerMillion(F.textNode("n/a")));
        assertNull(FactValues.tokens(F.numberNode(0)));
        assertNull(FactValues.tokens(F.numberNode(-5)));
        assertNull(FactValues.tokens(F.numberNode(8192.5)));
        assertNull(FactValues.tokens(F.booleanNode(true)));
        assertEquals(8192L, FactValues.tokens(F.textNode("8192")));
        assertNull(FactValues.created(F.numberNode(0)));
    }
}
