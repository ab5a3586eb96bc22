package dev.whiteboard.security.accounts;

import dev.whiteboard.errors.ErrorBody;
import dev.whiteboard.errors.ErrorKind;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Set;

/**
 * A caller who signed in with a one-time password (an administrator made the account or reset its password) may do
 * nothing through the API but read who they are and choose a password: every other call gets 403 saying so, until
 * {@code PUT /api/account/password} succeeds.
 */
@Provider
public class PasswordChangeFirst implements ContainerRequestFilter {

    /** What such a caller may still call (paths under {@code /api}). */
    private static final Set<String> ALLOWED = Set.of("session", "session/method", "account", "account/password");

    static final String MESSAGE = "sign-in with a one-time password: choose your own password first"
            + " (PUT /api/account/password, or the account page)";

    @Inject
    AccountStates states;

    @Override
    public void filter(ContainerRequestContext request) {
        Principal caller = request.getSecurityContext().getUserPrincipal();
        if (caller == null || !states.mustChangePassword(caller.getName())) {
            return;
        }
        String path = request.getUriInfo().getPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (relative.endsWith("/")) {
            relative = relative.substring(0, relative.length() - 1);
        }
        if (!ALLOWED.contains(relative)) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ErrorBody.of(ErrorKind.FORBIDDEN, MESSAGE, "password"))
                    .build());
        }
    }
}
