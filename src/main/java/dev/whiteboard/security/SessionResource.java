package dev.whiteboard.security;

import dev.whiteboard.errors.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.Principal;

/**
 * {@code /api/session}: the browser's sign-in. {@code POST} (form fields {@code name}, {@code password}) signs in
 * and starts an HTTP session; {@code GET} says who is signed in (401 if nobody); {@code DELETE} signs out. Open
 * to everyone (see {@code web.xml}); wrong credentials get 401 without a Basic challenge.
 */
@Path("session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    SecurityContext security;

    @Inject
    IdentityStoreHandler identities;

    @Inject
    Accounts accounts;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    /** Who is signed in: {@code {"user":"alice","name":"Alice Andersen"}}. */
    public record Caller(String user, String name) {
    }

    /**
     * The servlet request's principal rather than {@link SecurityContext#getCallerPrincipal()}: for a caller nobody
     * signed in, WildFly's Jakarta Security answers the latter with a principal named {@code anonymous} instead of
     * {@code null}; the request's principal is {@code null} on every server.
     */
    @GET
    public Caller current() {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            throw new NotSignedInException("nobody is signed in");
        }
        return new Caller(principal.getName(), accounts.displayName(principal.getName()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Caller signIn(@FormParam("name") String name, @FormParam("password") String password) {
        if (name == null || name.isBlank() || password == null || password.isEmpty()) {
            throw new InvalidInputException(name == null || name.isBlank() ? "name" : "password",
                    "name and password are required");
        }
        UsernamePasswordCredential credential = new UsernamePasswordCredential(name.strip(), password);
        if (identities.validate(credential).getStatus() != CredentialValidationResult.Status.VALID) {
            throw new NotSignedInException("wrong user name or password");
        }
        AuthenticationStatus status = security.authenticate(request, response,
                AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
        if (status != AuthenticationStatus.SUCCESS) {
            throw new NotSignedInException("the sign-in did not succeed");
        }
        return new Caller(credential.getCaller(), accounts.displayName(credential.getCaller()));
    }

    @DELETE
    public Response signOut() throws ServletException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Response.noContent().build();
    }
}
