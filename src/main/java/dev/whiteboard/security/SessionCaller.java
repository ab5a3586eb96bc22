package dev.whiteboard.security;

import dev.whiteboard.runtime.PublicAddress;
import dev.whiteboard.security.sessions.StoredSessions;
import dev.whiteboard.security.web.SignInCookie;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.util.Optional;
import java.util.Set;

/**
 * The caller a browser signed in as through the page (built-in or OIDC), kept by the mechanism that signed it in so
 * that later requests need no password and no round trip to the identity provider: stored in the database
 * ({@link StoredSessions}), found by the random token in the browser's cookie ({@link SignInCookie}). So every node
 * of a cluster knows the sign-in, it outlives the node that made it, and a sign-out or a disabled account ends it on
 * every node at its next request. Nothing of it is in the HTTP session (no server needs to replicate one).
 */
@ApplicationScoped
public class SessionCaller {

    /** The request's sign-in, once looked up (several steps of one request ask). */
    private static final String LOOKED_UP = SessionCaller.class.getName() + ".lookedUp";
    /** The request's sign-in was ended already (a sign-out asks the mechanism, then makes sure itself). */
    private static final String ENDED = SessionCaller.class.getName() + ".ended";

    @Inject
    StoredSessions sessions;

    @Inject
    PublicAddress publicAddress;

    /**
     * The caller of a sign-in through the page; {@code idToken} is the ID token of a sign-in through the OpenID Connect
     * provider (the hint for signing out there too), {@code null} otherwise.
     */
    public record SignedIn(String name, Set<String> groups, String idToken) implements Serializable {
        public SignedIn {
            groups = Set.copyOf(groups);
        }
    }

    /** The caller the request's cookie signs in, if its sign-in is still good; throws when it cannot be read. */
    @SuppressWarnings("unchecked")
    public Optional<SignedIn> of(HttpServletRequest request) {
        if (request.getAttribute(LOOKED_UP) instanceof Optional<?> known) {
            return (Optional<SignedIn>) known;
        }
        Optional<SignedIn> found = SignInCookie.of(request)
                .flatMap(sessions::find)
                .map(s -> new SignedIn(s.user(), s.groups(), s.idToken()));
        request.setAttribute(LOOKED_UP, found);
        return found;
    }

    /** A sign-in through the page: stored, and its token given to the browser (a token it had before ends). */
    public void keep(HttpServletRequest request, HttpServletResponse response, String name, Set<String> groups) {
        keep(request, response, name, groups, null);
    }

    /** The same, for a sign-in through the OpenID Connect provider, with the ID token it issued. */
    public void keep(
            HttpServletRequest request, HttpServletResponse response, String name, Set<String> groups, String idToken) {
        SignInCookie.of(request).ifPresent(sessions::end);
        String token = sessions.start(name, groups, idToken);
        SignInCookie.set(request, response, publicAddress.url(), token);
        request.setAttribute(LOOKED_UP, Optional.of(new SignedIn(name, groups, idToken)));
    }

    /** Signs the request's browser out, on every node. */
    public void forget(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> token = SignInCookie.of(request);
        if (token.isPresent() && request.getAttribute(ENDED) == null) {
            request.setAttribute(ENDED, Boolean.TRUE);
            sessions.end(token.get());
            SignInCookie.clear(request, response, publicAddress.url());
        }
        request.setAttribute(LOOKED_UP, Optional.empty());
    }
}
