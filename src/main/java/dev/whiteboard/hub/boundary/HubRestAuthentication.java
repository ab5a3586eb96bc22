package dev.whiteboard.hub.boundary;

import dev.whiteboard.hub.HubSettings;
import dev.whiteboard.hub.access.InvalidTokenException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Guards the hub's REST API: every call carries a bearer JWT signed with an access key whose audience is the
 * request's URL, as the official SDKs send it. Answers 404 when the built-in hub is off, 401 otherwise.
 */
@Provider
@HubRestApi
@Priority(Priorities.AUTHENTICATION)
public class HubRestAuthentication implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(HubRestAuthentication.class.getName());

    @Inject
    HubSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!settings.enabled()) {
            request.abortWith(HubRestErrors.response(404, "NotFound", "the built-in hub is off"));
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            request.abortWith(HubRestErrors.response(401, "Unauthorized", "a bearer token is required"));
            return;
        }
        URI uri = request.getUriInfo().getRequestUri();
        try {
            settings.verifier().verifyService(authorization.substring(7).strip(), uri.getRawPath(), uri.getRawQuery());
        } catch (InvalidTokenException e) {
            LOG.log(Level.FINE, "Refused a hub REST call to {0}: {1}", new Object[] {uri.getRawPath(), e.getMessage()});
            request.abortWith(HubRestErrors.response(401, "Unauthorized", e.getMessage()));
        }
    }
}
