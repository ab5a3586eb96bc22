package dev.whiteboard.chat.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.whiteboard.errors.InvalidInputException;
import org.junit.jupiter.api.Test;

class ChatTextTest {

    @Test
    void textIsTrimmedAndKeptVerbatimOtherwise() {
        assertEquals("<b>x</b><script>alert(1)</script>", ChatStore.validText("  <b>x</b><script>alert(1)</script>\n"));
        assertEquals("two\nlines\tand a tab", ChatStore.validText("two\nlines\tand a tab"));
        assertEquals("x".repeat(2000), ChatStore.validText("x".repeat(2000)));
    }

    @Test
    void emptyTooLongAndControlCharactersAreRefused() {
        for (String bad : new String[] {null, "", "   \n ", "x".repeat(2001), "bell\u0007"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> ChatStore.validText(bad));
            assertEquals("text", e.field().orElseThrow());
        }
    }
}
