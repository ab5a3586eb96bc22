package dev.whiteboard.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;

/**
 * The signed-in caller of the current HTTP request, for the features: their name is the user id everywhere (board
 * roles, authorship, Web PubSub), and it only ever comes from the container, never from the request's content.
 */
@RequestScoped
public class CurrentCaller {

    @Inject
    SecurityContext security;

    /** The caller's user id; {@link NotSignedInException} when nobody is signed in. */
    public String name() {
        Principal principal = security.getCallerPrincipal();
        if (principal == null
                || principal.getName() == null
                || principal.getName().isBlank()) {
            throw new NotSignedInException("sign in first");
        }
        return principal.getName();
    }
}
