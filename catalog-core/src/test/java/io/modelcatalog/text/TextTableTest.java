package io.modelcatalog.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void columnsAreAsWideAsTheirWidestCellWithoutTrailingSpaces() {
        List<String> lines = TextTable.withHeader("NAME", "N", "NOTE")
                .alignRight(1)
                .row("groq", "21", "")
                .row("openrouter", "312", "two pages")
                .lines();
        assertEquals(
                List.of(
                        "NAME          N  NOTE", //
                        "groq         21", //
                        "openrouter  312  two pages"),
                lines);
    }

    @Test
    void oneColumnIsShortenedSoThatTheLinesFit() {
        TextTable table = TextTable.withHeader("A", "HOST", "B").row("x", "generativelanguage.googleapis.com", "y");
        assertEquals(List.of("A  HOST          B", "x  generativ...  y"), table.lines(18, 1, 5));
        assertEquals(List.of("A  HOST   B", "x  ge...  y"), table.lines(5, 1, 5), "never narrower than the minimum");
        assertEquals(
                List.of("A  HOST                               B", "x  generativelanguage.googleapis.com  y"),
                table.lines(120, 1, 5),
                "no shorter than it needs to be");
    }

    @Test
    void aRowHasAsManyCellsAsTheHeader() {
        assertThrows(
                IllegalArgumentException.class,
                () -> TextTable.withHeader("A", "B").row("x"));
    }

    @Test
    void aColumnFitsItsLongestName() {
        TextTable.Column names = TextTable.Column.fitting(List.of("groq", "openrouter"));
        assertEquals("groq      ", names.pad("groq"));
        assertEquals("openrouter", names.pad("openrouter"));
        assertEquals("        ", TextTable.Column.fitting(List.of()).pad(""), "8 wide for no names");
    }
}
