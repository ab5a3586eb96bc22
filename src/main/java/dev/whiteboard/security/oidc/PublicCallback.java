package dev.whiteboard.security.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URI;
import java.util.Optional;

/**
 * The provider's callback as the browser sent it. Behind a gateway the app sees {@code http://internal-host/…}
 * while the provider sent the browser to the public callback URL; the OpenID Connect mechanism accepts a callback
 * only at the URL it named to the provider, so it is shown the request under that URL (the request is the same:
 * path, query, session; the state in the session is what proves it).
 */
final class PublicCallback {

    private PublicCallback() {}

    /** {@code request}, with {@code callback} as its URL when the callback URL is fixed by the configuration. */
    static HttpServletRequest asSent(HttpServletRequest request, Optional<URI> callback) {
        if (callback.isEmpty()) {
            return request;
        }
        String url = callback.get().toString();
        return new HttpServletRequestWrapper(request) {
            @Override
            public StringBuffer getRequestURL() {
                return new StringBuffer(url);
            }
        };
    }
}
