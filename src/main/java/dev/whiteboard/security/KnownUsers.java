package dev.whiteboard.security;

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

    public boolean exists(String user) {
        return user != null && (accounts.find(user).isPresent() || em.find(KnownCaller.class, user) != null);
    }
}
