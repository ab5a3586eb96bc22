package dev.whiteboard.security.throttle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * Failed sign-ins of one subject (an account name, {@code account:alice}, or a client address,
 * {@code address:192.0.2.7}) in a row: how many, the latest, and until when further attempts are refused.
 */
@Entity
@Table(name = "sign_in_failures")
public class SignInFailure {

    static final int MAX_SUBJECT_LENGTH = 200;

    @Id
    @Column(name = "subject", length = MAX_SUBJECT_LENGTH)
    private String subject;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "last_failure_at", nullable = false)
    private OffsetDateTime lastFailureAt;

    @Column(name = "blocked_until")
    private OffsetDateTime blockedUntil;

    protected SignInFailure() {
        // for JPA
    }

    SignInFailure(String subject) {
        this.subject = Objects.requireNonNull(subject, "subject");
        if (subject.length() > MAX_SUBJECT_LENGTH) {
            throw new IllegalArgumentException("subject longer than " + MAX_SUBJECT_LENGTH);
        }
    }

    /**
     * One more failure at {@code now}; the count starts again when the previous one is older than the policy's
     * memory. Returns the new count.
     */
    int failed(Instant now, ThrottlePolicy policy) {
        if (lastFailureAt != null && policy.forgotten(lastFailureAt.toInstant(), now)) {
            failures = 0;
        }
        failures++;
        lastFailureAt = now.atOffset(ZoneOffset.UTC);
        blockedUntil = policy.delay(failures)
                .map(delay -> now.plus(delay).atOffset(ZoneOffset.UTC))
                .orElse(null);
        return failures;
    }

    int failures() {
        return failures;
    }

    /** Until when attempts are refused, if that is after {@code now}. */
    Optional<Instant> blockedAfter(Instant now) {
        return Optional.ofNullable(blockedUntil).map(OffsetDateTime::toInstant).filter(now::isBefore);
    }
}
