package dev.whiteboard.security.accounts;

import dev.whiteboard.errors.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new password of a built-in account must be (NIST SP 800-63B's advice: length, and not a known-bad password;
 * no composition rules): at least {@code minLength} characters and at most {@value #MAX_LENGTH}, no control
 * characters, not containing the account's name, not one of the commonly used passwords in
 * {@code common-passwords.txt} (nor one of them with digits or punctuation added), and not one character repeated.
 * Each refusal says which rule, on the field {@code password}.
 */
public final class PasswordRules {

    public static final int MAX_LENGTH = 128;

    static final String FIELD = "password";
    private static final Set<String> COMMON = load();

    private final int minLength;

    public PasswordRules(int minLength) {
        if (minLength < 8 || minLength > MAX_LENGTH) {
            throw new IllegalArgumentException("a password's minimum length is 8 to " + MAX_LENGTH + ": " + minLength);
        }
        this.minLength = minLength;
    }

    public int minLength() {
        return minLength;
    }

    /** Refuses the password with a message naming the rule it breaks. */
    public void check(String accountName, String password) {
        if (password == null || password.length() < minLength) {
            throw refused("a password has at least " + minLength + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw refused("a password has at most " + MAX_LENGTH + " characters");
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            throw refused("a password cannot contain control characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (accountName != null && accountName.length() >= 3 && lower.contains(accountName.toLowerCase(Locale.ROOT))) {
            throw refused("a password cannot contain the account's name");
        }
        if (lower.chars().distinct().count() == 1) {
            throw refused("a password cannot be one character repeated");
        }
        if (COMMON.contains(lower) || COMMON.contains(stem(lower))) {
            throw refused("this password is one of the most commonly used ones: choose another");
        }
    }

    /** The password without the digits and punctuation at its end ("Password2024!" → "password"). */
    private static String stem(String lower) {
        int end = lower.length();
        while (end > 0 && !Character.isLetter(lower.charAt(end - 1))) {
            end--;
        }
        return lower.substring(0, end);
    }

    private static InvalidInputException refused(String message) {
        return new InvalidInputException(FIELD, message);
    }

    private static Set<String> load() {
        try (InputStream in = PasswordRules.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the application");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
