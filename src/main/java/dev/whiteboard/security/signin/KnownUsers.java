package dev.whiteboard.security.signin;

import dev.whiteboard.security.accounts.Accounts;
import dev.whiteboard.security.oidc.KnownCaller;
import dev.whiteboard.security.oidc.OidcSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

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
