package dev.whiteboard.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identity provider's groups of each user, for decisions made without the user's request at hand (the
 * real-time service's webhook calls carry only a user id). Recorded by the OIDC mechanism whenever the provider
 * vouches for a caller, kept in the database (so every app instance, and the app after a restart, knows them) and
 * cached in memory; written only when they changed. Built-in accounts have no groups. Thread-safe.
 */
@ApplicationScoped
@Transactional
public class CallerGroups {

    private static final int MAX_CACHED = 10_000;

    @PersistenceContext(unitName = "whiteboard")
    EntityManager em;

    private final Map<String, Set<String>> cache = new ConcurrentHashMap<>();

    /** The provider said {@code user} is in {@code groups} (on sign-in, or in a bearer token). */
    public void record(String user, Set<String> groups) {
        Set<String> current = Set.copyOf(groups);
        if (current.equals(cache.get(user))) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        KnownCaller known = em.find(KnownCaller.class, user);
        if (known == null) {
            em.persist(new KnownCaller(user, current, now));
        } else {
            known.seen(current, now);
        }
        remember(user, current);
    }

    /** The user's groups as the provider last said them; none for built-in accounts and unknown users. */
    public Set<String> of(String user) {
        Set<String> cached = cache.get(user);
        if (cached != null) {
            return cached;
        }
        KnownCaller known = em.find(KnownCaller.class, user);
        Set<String> groups = known == null ? Set.of() : known.groups();
        if (known != null) {
            remember(user, groups);
        }
        return groups;
    }

    private void remember(String user, Set<String> groups) {
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(user, groups);
    }
}
