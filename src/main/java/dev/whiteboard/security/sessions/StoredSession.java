package dev.whiteboard.security.sessions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A browser's sign-in, as every node sees it: who, in which groups, the provider's ID token (for signing out there),
 * and until when it is good. Identified by the SHA-256 hash of the random token in the browser's cookie, never by the
 * token itself.
 */
@Entity
@Table(name = "signed_in_sessions")
public class StoredSession {

    static final int MAX_GROUPS_LENGTH = 10_000;

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "user_name", length = 255, nullable = false)
    private String user;

    /** The groups, one a line (a group name has no line break: the identity stores and the provider's claims). */
    @Column(name = "user_groups", length = MAX_GROUPS_LENGTH, nullable = false)
    private String groups;

    @Column(name = "id_token", length = MAX_GROUPS_LENGTH)
    private String idToken;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    protected StoredSession() {
        // for JPA
    }

    StoredSession(
            String tokenHash,
            String user,
            Set<String> groups,
            String idToken,
            OffsetDateTime createdAt,
            OffsetDateTime expiresAt) {
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.user = Objects.requireNonNull(user, "user");
        this.groups = joined(groups);
        this.idToken = idToken == null || idToken.length() > MAX_GROUPS_LENGTH ? null : idToken;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The groups one a line, sorted; those that would not fit the column are left out (and said so by the caller). */
    static String joined(Set<String> groups) {
        StringBuilder out = new StringBuilder();
        for (String group : new TreeSet<>(groups)) {
            if (group == null || group.isBlank() || group.contains("\n")) {
                continue;
            }
            if (out.length() + group.length() + 1 > MAX_GROUPS_LENGTH) {
                break;
            }
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(group);
        }
        return out.toString();
    }

    public String user() {
        return user;
    }

    public Set<String> groups() {
        return groups.isEmpty() ? Set.of() : Arrays.stream(groups.split("\n")).collect(Collectors.toUnmodifiableSet());
    }

    public String idToken() {
        return idToken;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    /** Used again: good until {@code until}. */
    void extend(OffsetDateTime until) {
        expiresAt = Objects.requireNonNull(until, "until");
    }
}
