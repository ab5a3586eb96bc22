package dev.whiteboard.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;
import java.util.Set;

/**
 * The caller a browser signed in as, kept in its HTTP session by the mechanism that signed it in (built-in or
 * OIDC), so that later requests need no password and no round trip to the identity provider.
 */
public final class SessionCaller {

    private static final String ATTRIBUTE = "whiteboard.caller";

    /**
     * The caller kept in the HTTP session after a sign-in through the page; {@code idToken} is the ID token of a
     * sign-in through the OpenID Connect provider (the hint for signing out there too), {@code null} otherwise.
     */
    public record SignedIn(String name, Set<String> groups, String idToken) implements Serializable {
        public SignedIn {
            groups = Set.copyOf(groups);
        }
    }

    private SessionCaller() {}

    public static Optional<SignedIn> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof SignedIn signedIn
                ? Optional.of(signedIn)
                : Optional.empty();
    }

    /** Keeps the caller in the session, under a new session id (no session fixation). */
    public static void keep(HttpServletRequest request, String name, Set<String> groups) {
        keep(request, name, groups, null);
    }

    /** The same, for a sign-in through the OpenID Connect provider, with the ID token it issued. */
    public static void keep(HttpServletRequest request, String name, Set<String> groups, String idToken) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        request.getSession(true).setAttribute(ATTRIBUTE, new SignedIn(name, groups, idToken));
    }

    public static void forget(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }
}
