package dev.whiteboard.security.accounts;

import dev.whiteboard.security.sessions.StoredSessions;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every request asks of a caller's built-in account, cached in memory: whether it may still be used (not
 * disabled, not a demo account while they are off) and whether its password must be changed first. A change made
 * here takes effect at once (the entry is dropped when {@link Accounts.AccountChanged} is committed); one made by
 * another instance within {@link #CACHED}. A user without a built-in account (signed in through the OpenID Connect
 * provider) may always be used here: the provider decides. When the database cannot be read, the last known state
 * stands (or the caller is let through, as at sign-in), so an outage does not sign everyone out.
 */
@ApplicationScoped
public class AccountStates {

    static final Duration CACHED = Duration.ofSeconds(10);
    private static final int MAX_CACHED = 10_000;

    @Inject
    Accounts accounts;

    @Inject
    StoredSessions sessions;

    private final Map<String, State> cache = new ConcurrentHashMap<>();

    private record State(boolean usable, boolean mustChangePassword, Instant until) {}

    /** Whether the user may act here now: false for a disabled account, or a demo account while they are off. */
    public boolean usable(String user) {
        return state(user).usable();
    }

    /** Whether the user signed in with a one-time password, which must be changed before anything else. */
    public boolean mustChangePassword(String user) {
        return state(user).mustChangePassword();
    }

    private State state(String user) {
        State known = cache.get(user);
        if (known != null && known.until().isAfter(Instant.now())) {
            return known;
        }
        State now;
        try {
            now = accounts.find(user)
                    .map(a -> new State(
                            accounts.maySignIn(a),
                            a.mustChangePassword(),
                            Instant.now().plus(CACHED)))
                    .orElseGet(() -> new State(true, false, Instant.now().plus(CACHED)));
        } catch (RuntimeException e) {
            return known != null ? known : new State(true, false, Instant.now());
        }
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(user, now);
        return now;
    }

    /**
     * An account disabled: its browsers' sign-ins end with that change, in its transaction, so that every node refuses
     * them at once (not only after its cache of this state expires).
     */
    void endSessions(@Observes Accounts.AccountChanged changed) {
        if (changed.disabled()) {
            sessions.endAllOf(changed.name());
        }
    }

    /** Before the other observers of the change (a re-check of the person's connections reads the new state). */
    void changed(
            @Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(Interceptor.Priority.PLATFORM_BEFORE)
                    Accounts.AccountChanged changed) {
        cache.remove(changed.name());
    }
}
