package dev.whiteboard.security.throttle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The failed sign-ins in the database, where every node of a cluster sees the same counts. A failure is counted
 * under a row lock ({@code SELECT … FOR UPDATE}), so concurrent failures on several nodes all count.
 */
@ApplicationScoped
@Transactional
public class SignInFailures {

    @PersistenceContext(unitName = "whiteboard")
    EntityManager em;

    public Optional<SignInFailure> find(String subject) {
        return Optional.ofNullable(em.find(SignInFailure.class, subject));
    }

    /** Counts one more failure of {@code subject}; returns the row as it is now. */
    public SignInFailure failed(String subject, Instant now, ThrottlePolicy policy) {
        SignInFailure row = em.find(SignInFailure.class, subject, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            row = new SignInFailure(subject);
            row.failed(now, policy);
            em.persist(row);
            em.flush(); // a row another node inserted meanwhile fails here, inside the caller's retry
        } else {
            row.failed(now, policy);
        }
        return row;
    }

    /** The subject's count starts again (its account signed in). */
    public void forget(String subject) {
        find(subject).ifPresent(em::remove);
    }

    /** Removes rows whose latest failure is older than {@code cutoff} and that no longer refuse anything. */
    public int forgetOlderThan(Instant cutoff, Instant now) {
        return em.createQuery("DELETE FROM SignInFailure f WHERE f.lastFailureAt < :cutoff"
                        + " AND (f.blockedUntil IS NULL OR f.blockedUntil < :now)")
                .setParameter("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }
}
