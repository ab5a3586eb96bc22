package dev.whiteboard.security.accounts;

import dev.whiteboard.errors.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A built-in account: a sign-in name (which is also the user id everywhere else: board roles, authorship,
 * Web PubSub), a display name and a password hash (never the password).
 */
@Entity
@Table(name = "accounts")
public class Account {

    /** Sign-in names: lower-case letters, digits, dot, dash and underscore; 1 to 64 characters. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public static final int MAX_DISPLAY_NAME_LENGTH = 100;

    @Id
    @Column(name = "name", length = 64)
    private String name;

    @Column(name = "display_name", nullable = false, length = MAX_DISPLAY_NAME_LENGTH)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Account() {
        // for JPA
    }

    public Account(String name, String displayName, String passwordHash, OffsetDateTime createdAt) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException(
                    "name", "an account name is 1 to 64 lower-case letters, digits, '.', '-' or '_'");
        }
        String shown = displayName == null ? "" : displayName.strip();
        if (shown.isEmpty()
                || shown.length() > MAX_DISPLAY_NAME_LENGTH
                || shown.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(
                    "displayName",
                    "a display name is 1 to " + MAX_DISPLAY_NAME_LENGTH + " characters without control characters");
        }
        this.name = name;
        this.displayName = shown;
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public String name() {
        return name;
    }

    public String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }
}
