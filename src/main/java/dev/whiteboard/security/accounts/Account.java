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

    @Column(name = "disabled", nullable = false)
    private boolean disabled;

    /** Set with a one-time password (made by an administrator): nothing but a new password until it is changed. */
    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    /** One of the demo accounts ({@link DemoAccounts}): refused while they are switched off. */
    @Column(name = "demo", nullable = false)
    private boolean demo;

    @Column(name = "password_changed_at")
    private OffsetDateTime passwordChangedAt;

    protected Account() {
        // for JPA
    }

    public Account(String name, String displayName, String passwordHash, OffsetDateTime createdAt) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException(
                    "name", "an account name is 1 to 64 lower-case letters, digits, '.', '-' or '_'");
        }
        this.name = name;
        this.displayName = validDisplayName(displayName);
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.passwordChangedAt = createdAt;
    }

    /** The display name, stripped; 1 to {@value #MAX_DISPLAY_NAME_LENGTH} characters without control characters. */
    static String validDisplayName(String displayName) {
        String shown = displayName == null ? "" : displayName.strip();
        if (shown.isEmpty()
                || shown.length() > MAX_DISPLAY_NAME_LENGTH
                || shown.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(
                    "displayName",
                    "a display name is 1 to " + MAX_DISPLAY_NAME_LENGTH + " characters without control characters");
        }
        return shown;
    }

    void rename(String displayName) {
        this.displayName = validDisplayName(displayName);
    }

    /** A new password hash; {@code oneTime}: set by an administrator, to be changed at the next sign-in. */
    void setPassword(String passwordHash, boolean oneTime, OffsetDateTime at) {
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.mustChangePassword = oneTime;
        this.passwordChangedAt = at;
    }

    void setDisabled(boolean disabled) {
        this.disabled = disabled;
    }

    void markDemo() {
        this.demo = true;
    }

    public boolean disabled() {
        return disabled;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public boolean demo() {
        return demo;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
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
