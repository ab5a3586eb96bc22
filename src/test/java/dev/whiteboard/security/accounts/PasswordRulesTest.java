package dev.whiteboard.security.accounts;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.errors.InvalidInputException;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    private final PasswordRules rules = new PasswordRules(10);

    private String refusal(String name, String password) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> rules.check(name, password));
        assertEquals("password", e.field().orElseThrow());
        return e.getMessage();
    }

    @Test
    void lengthIsCheckedAtBothEnds() {
        assertTrue(refusal("erin", "nine char").contains("at least 10"));
        assertTrue(refusal("erin", null).contains("at least 10"));
        assertDoesNotThrow(() -> rules.check("erin", "ten chars!"));
        assertDoesNotThrow(() -> rules.check("erin", "w".repeat(60) + "x".repeat(68)));
        assertTrue(refusal("erin", "w".repeat(60) + "x".repeat(69)).contains("at most 128"));
    }

    @Test
    void theAccountsNameIsRefusedInAnyCase() {
        assertTrue(refusal("erin", "my ERIN password").contains("account's name"));
        assertDoesNotThrow(() -> rules.check("al", "al is a fine prefix"), "names under 3 characters are not checked");
    }

    @Test
    void commonPasswordsAreRefusedAlsoWithDigitsOrPunctuationAdded() {
        assertTrue(refusal("erin", "qwertyuiop").contains("commonly used"));
        assertTrue(refusal("erin", "Password1234").contains("commonly used"));
        assertTrue(refusal("erin", "Football2024!").contains("commonly used"));
        assertTrue(refusal("erin", "whiteboard").contains("commonly used"), "the demo password");
        assertDoesNotThrow(() -> rules.check("erin", "football is my favourite"));
    }

    @Test
    void oneRepeatedCharacterAndControlCharactersAreRefused() {
        assertTrue(refusal("erin", "aaaaaaaaaaaa").contains("repeated"));
        assertTrue(refusal("erin", "tab\tinside password").contains("control"));
    }

    @Test
    void theMinimumIsBetweenEightAndTheMaximum() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordRules(7));
        assertThrows(IllegalArgumentException.class, () -> new PasswordRules(129));
        assertEquals(8, new PasswordRules(8).minLength());
    }
}
