package dev.whiteboard.security.signin;

import dev.whiteboard.security.accounts.Account;
import dev.whiteboard.security.accounts.Accounts;
import dev.whiteboard.security.oidc.KnownCaller;
import dev.whiteboard.security.oidc.OidcSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who exists as a user, for features that address someone other than the caller (a direct message): a built-in
 * account, or someone the OpenID Connect provider vouched for here at least once ({@link KnownCaller}).
 */
@ApplicationScoped
@Transactional
public class KnownUsers {

    @PersistenceContext(unitName = "whiteboard")
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    OidcSettings oidc;

    /** A person as a people search shows them: the user id and what to call them. */
    public record Person(String user, String name) {}

    /** The most a people search answers. */
    public static final int MAX_FOUND = 20;

    /**
     * Up to {@code limit} people whose user id (or, for built-in accounts, display name) contains {@code text}, case
     * insensitive: built-in accounts first, then users the identity provider vouched for; by user id.
     */
    public List<Person> search(String text, int limit) {
        String pattern = "%"
                + text.toLowerCase(Locale.ROOT)
                        .replace("!", "!!")
                        .replace("%", "!%")
                        .replace("_", "!_")
                + "%";
        Map<String, Person> found = new LinkedHashMap<>();
        em.createQuery(
                        "SELECT a FROM Account a WHERE LOWER(a.name) LIKE :p ESCAPE '!'"
                                + " OR LOWER(a.displayName) LIKE :p ESCAPE '!' ORDER BY a.name",
                        Account.class)
                .setParameter("p", pattern)
                .setMaxResults(limit)
                .getResultList()
                .forEach(a -> found.put(a.name(), new Person(a.name(), a.displayName())));
        if (found.size() < limit) {
            em.createQuery(
                            "SELECT k.user FROM KnownCaller k WHERE LOWER(k.user) LIKE :p ESCAPE '!' ORDER BY k.user",
                            String.class)
                    .setParameter("p", pattern)
                    .setMaxResults(limit)
                    .getResultList()
                    .forEach(u -> found.putIfAbsent(u, new Person(u, u)));
        }
        return found.values().stream().limit(limit).toList();
    }

    /** What to call the user: a built-in account's display name, or the user id. */
    public String displayName(String user) {
        return accounts.displayName(user);
    }

    public boolean exists(String user) {
        return user != null && (accounts.find(user).isPresent() || em.find(KnownCaller.class, user) != null);
    }

    /**
     * Whether a role may be given to {@code user} ahead of time: someone who {@link #exists(String) exists}, or, when
     * sign-in is OpenID Connect, anyone (the provider is the directory and the app cannot ask it: an owner shares a
     * board before the colleague first signs in).
     */
    public boolean mayBeGranted(String user) {
        return oidc.enabled() || exists(user);
    }
}
