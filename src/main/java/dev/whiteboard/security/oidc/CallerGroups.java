package dev.whiteboard.security.oidc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identity provider's groups of each user, for decisions made without the user's request at hand (the
 * real-time service's webhook calls carry only a user id). Recorded by the OIDC mechanism whenever the provider
 * vouches for a caller, kept in the database (so every app instance, and the app after a restart, knows them) and
 * cached in memory for {@link #CACHED} (so a change recorded by another instance counts here within that time);
 * written only when they changed. Built-in accounts have no groups. Thread-safe.
 */
@ApplicationScoped
@Transactional
public class CallerGroups {

    static final Duration CACHED = Duration.ofMinutes(1);
    private static final int MAX_CACHED = 10_000;

    @PersistenceContext(unitName = "whiteboard")
    EntityManager em;

    @Inject
    OidcSettings oidc;

    @Inject
    Event<GroupsChanged> changed;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Set<String> groups, Instant until) {
        Optional<Set<String>> fresh() {
            return until.isAfter(Instant.now()) ? Optional.of(groups) : Optional.empty();
        }
    }

    /** The provider said {@code user} is in {@code groups} (on sign-in, or in a bearer token). */
    public void record(String user, Set<String> groups) {
        Set<String> current = Set.copyOf(groups);
        Cached cached = cache.get(user);
        if (cached != null && cached.fresh().filter(current::equals).isPresent()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        KnownCaller known = em.find(KnownCaller.class, user);
        if (known == null) {
            em.persist(new KnownCaller(user, current, now));
        } else {
            if (!known.groups().equals(current)) {
                changed.fire(new GroupsChanged(user));
            }
            known.seen(current, now);
        }
        remember(user, current);
    }

    /**
     * The provider now says the user is in other groups than it last did: fired inside the transaction, observed
     * after it succeeded, so the user's open connections are re-evaluated (a role that came from a group is gone).
     */
    public record GroupsChanged(String user) {}

    /** The user's groups as the provider last said them; none for built-in accounts and unknown users. */
    public Set<String> of(String user) {
        if (!oidc.enabled()) {
            return Set.of();
        }
        Cached cached = cache.get(user);
        Optional<Set<String>> fresh = cached == null ? Optional.empty() : cached.fresh();
        if (fresh.isPresent()) {
            return fresh.get();
        }
        KnownCaller known = em.find(KnownCaller.class, user);
        Set<String> groups = known == null ? Set.of() : known.groups();
        remember(user, groups);
        return groups;
    }

    /** Whether the user is in one of the provider's administrators' groups ({@code whiteboard.oidc.admin-groups}). */
    public boolean administers(String user) {
        Set<String> admins = oidc.adminGroups();
        return !admins.isEmpty() && of(user).stream().anyMatch(admins::contains);
    }

    private void remember(String user, Set<String> groups) {
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(user, new Cached(groups, Instant.now().plus(CACHED)));
    }
}
