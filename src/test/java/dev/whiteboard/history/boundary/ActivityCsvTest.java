package dev.whiteboard.history.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ActivityCsvTest {

    @Test
    void cellsAreQuotedWhenTheyMustBe() {
        assertEquals("plain", ActivityResource.cell("plain"));
        assertEquals("", ActivityResource.cell(null));
        assertEquals("\"a, b\"", ActivityResource.cell("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", ActivityResource.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", ActivityResource.cell("two\nlines"));
    }

    @Test
    void aCellASpreadsheetWouldRunIsDefused() {
        assertEquals("'=HYPERLINK(1)", ActivityResource.cell("=HYPERLINK(1)"));
        assertEquals("'+1", ActivityResource.cell("+1"));
        assertEquals("'@x", ActivityResource.cell("@x"));
    }
}
