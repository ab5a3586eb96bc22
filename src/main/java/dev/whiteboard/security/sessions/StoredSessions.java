package dev.whiteboard.security.sessions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The browsers' sign-ins in the database, shared by every node: a sign-in makes a random token (256 bits, for the
 * cookie) and stores its hash; a request with the token finds the sign-in on any node, as long as it was used within
 * {@code whiteboard.security.session-idle-minutes} (480, as long as the HTTP session was before); using it moves that
 * deadline on (written at most once a minute). Ends at sign-out, when the account is disabled (in the same
 * transaction, by {@code AccountStates}), and at the deadline (expired rows are deleted at each new sign-in).
 */
@ApplicationScoped
@Transactional
public class StoredSessions {

    private static final Logger LOG = Logger.getLogger(StoredSessions.class.getName());
    /** How often the deadline of a session in use is written again, at most. */
    private static final Duration EXTEND_EVERY = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "whiteboard")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "whiteboard.security.session-idle-minutes", defaultValue = "480")
    long idleMinutes;

    /** A new sign-in; returns the token for the browser's cookie (shown nowhere else, stored only as its hash). */
    public String start(String user, Set<String> groups, String idToken) {
        OffsetDateTime now = now();
        em.createQuery("DELETE FROM StoredSession s WHERE s.expiresAt < :now")
                .setParameter("now", now)
                .executeUpdate();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        StoredSession session = new StoredSession(hash(token), user, groups, idToken, now, now.plus(idle()));
        if (session.groups().size() < groups.size()) {
            LOG.log(Level.WARNING, "{0} is in more groups than a session keeps: {1} of {2} kept", new Object[] {
                user, session.groups().size(), groups.size()
            });
        }
        em.persist(session);
        return token;
    }

    /** The sign-in of this token, if it is still good (and then good for the idle time from now). */
    public Optional<StoredSession> find(String token) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        StoredSession session = em.find(StoredSession.class, hash(token));
        OffsetDateTime now = now();
        if (session == null || session.expiresAt().isBefore(now)) {
            return Optional.empty();
        }
        OffsetDateTime until = now.plus(idle());
        if (session.expiresAt().isBefore(until.minus(EXTEND_EVERY))) {
            session.extend(until);
        }
        return Optional.of(session);
    }

    /** Signs this token out, on every node. */
    public void end(String token) {
        if (plausible(token)) {
            em.createQuery("DELETE FROM StoredSession s WHERE s.tokenHash = :hash")
                    .setParameter("hash", hash(token))
                    .executeUpdate();
        }
    }

    /** Signs every browser of {@code user} out; how many there were. */
    public int endAllOf(String user) {
        return em.createQuery("DELETE FROM StoredSession s WHERE s.user = :user")
                .setParameter("user", user)
                .executeUpdate();
    }

    private Duration idle() {
        return Duration.ofMinutes(Math.max(1, idleMinutes));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** A token this class could have made (43 base64url characters); anything else is not looked up. */
    static boolean plausible(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(StoredSessions::base64url);
    }

    private static boolean base64url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
