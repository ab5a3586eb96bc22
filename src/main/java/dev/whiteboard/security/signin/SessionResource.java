package dev.whiteboard.security.signin;

import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.security.NotSignedInException;
import dev.whiteboard.security.SessionCaller;
import dev.whiteboard.security.accounts.Account;
import dev.whiteboard.security.accounts.AccountSettings;
import dev.whiteboard.security.accounts.Accounts;
import dev.whiteboard.security.accounts.DemoAccounts;
import dev.whiteboard.security.accounts.SignInGuard;
import dev.whiteboard.security.oidc.OidcMechanism;
import dev.whiteboard.security.oidc.OidcSettings;
import dev.whiteboard.security.oidc.ProviderLogout;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/session}: the browser's sign-in. {@code POST} (form fields {@code name}, {@code password}) signs in
 * with a built-in account and starts an HTTP session; {@code GET} says who is signed in (401 if nobody);
 * {@code DELETE} signs out; {@code GET /api/session/method} tells the sign-in page how to sign in. With OpenID
 * Connect on, a browser signs in at {@code /api/session/oidc?next=…} and comes back through
 * {@code /api/session/callback} (both handled by {@link OidcMechanism} first), and {@code POST} is refused. Open
 * to everyone (see {@code web.xml}); wrong credentials get 401 without a Basic challenge.
 */
@Path("session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    SecurityContext security;

    @Inject
    SignInGuard guard;

    @Inject
    Accounts accounts;

    @Inject
    OidcSettings oidc;

    @Inject
    AccountSettings settings;

    @Inject
    ProviderLogout providerLogout;

    @Inject
    SessionCaller sessionCaller;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    /**
     * Who is signed in, and how: {@code {"user":"alice","name":"Alice Andersen","method":"password",
     * "mustChangePassword":false}}; {@code mustChangePassword} after a sign-in with a one-time password, which must be
     * replaced before anything else ({@code PUT /api/account/password}).
     */
    public record Caller(String user, String name, String method, boolean mustChangePassword) {}

    /**
     * How to sign in here: {@code {"method":"password"}} (built-in accounts; with the demo accounts on, also
     * {@code "demoAccounts":["alice",…],"demoPassword":"whiteboard"}, which the sign-in page shows as such), or
     * {@code {"method":"oidc","provider":"Example Corp","start":"api/session/oidc"}} (relative to the app, {@code next}
     * to be added).
     */
    public record Method(
            String method, String provider, String start, List<String> demoAccounts, String demoPassword) {}

    /**
     * A sign-out that goes on at the provider: {@code {"signedOut":true,"providerLogoutUrl":"https://…"}}; the page
     * sends the browser there, and the provider sends it back to the sign-in page.
     */
    public record SignedOut(boolean signedOut, String providerLogoutUrl) {}

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
        return caller(principal.getName(), method().method());
    }

    @GET
    @Path("method")
    public Method method() {
        if (oidc.enabled()) {
            return new Method("oidc", oidc.providerName(), OidcSettings.START_PATH.substring(1), null, null);
        }
        return settings.demoAccounts()
                ? new Method("password", null, null, DemoAccounts.names(), DemoAccounts.PASSWORD)
                : new Method("password", null, null, null, null);
    }

    /** Where the provider's sign-in ends (after the OIDC mechanism took the code): back to the page wanted. */
    @GET
    @Path("callback")
    public Response signedIn() {
        HttpSession session = request.getSession(false);
        Object next = session == null ? null : session.getAttribute(OidcMechanism.NEXT);
        if (session != null) {
            session.removeAttribute(OidcMechanism.NEXT);
        }
        return seeOther(next instanceof String wanted ? wanted : null);
    }

    /** Reached only by a caller who is signed in already (otherwise the mechanism sends the browser away). */
    @GET
    @Path("oidc")
    public Response signInWithProvider(@QueryParam("next") String next) {
        return seeOther(next);
    }

    /** 303 to a page of this site: {@code next} if it is a local path, the app's start page otherwise. */
    private Response seeOther(String next) {
        return Response.seeOther(landing(OidcMechanism.localPath(next))).build();
    }

    /**
     * The page at {@code path} (a path of this site, as the browser has it; {@code /} for the app's start page), as an
     * absolute URI: at the app's public address when one is configured (behind a gateway, the internal address the
     * request came to is not the browser's), else at this request's (the same base the OIDC callback is built from).
     * Never relative: JAX-RS resolves a relative {@code Location} against the application's base URI, and RESTEasy
     * (WildFly) takes even {@code /board.html} as relative to it, {@code /api/board.html}, a 404.
     */
    private URI landing(String path) {
        URI base = oidc.base(request);
        return path.equals("/") ? base : base.resolve(path);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Caller signIn(@FormParam("name") String name, @FormParam("password") String password) {
        if (oidc.enabled()) {
            throw new NotSignedInException("this server signs in with " + oidc.providerName() + ": use "
                    + OidcSettings.START_PATH.substring(1));
        }
        if (name == null || name.isBlank() || password == null || password.isEmpty()) {
            throw new InvalidInputException(
                    name == null || name.isBlank() ? "name" : "password", "name and password are required");
        }
        UsernamePasswordCredential credential = new UsernamePasswordCredential(name.strip(), password);
        if (guard.validate(credential, request, SignInGuard.Channel.FORM).getStatus()
                != CredentialValidationResult.Status.VALID) {
            throw new NotSignedInException("wrong user name or password");
        }
        AuthenticationStatus status = security.authenticate(
                request,
                response,
                AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
        if (status != AuthenticationStatus.SUCCESS) {
            throw new NotSignedInException("the sign-in did not succeed");
        }
        return caller(credential.getCaller(), "password");
    }

    private Caller caller(String user, String method) {
        boolean mustChange = !oidc.enabled()
                && accounts.find(user).map(Account::mustChangePassword).orElse(false);
        return new Caller(user, accounts.displayName(user), method, mustChange);
    }

    /**
     * Signs out: 204, or 200 with {@link SignedOut} when the provider's session is to end too (signed in through
     * an OpenID Connect provider that has an {@code end_session_endpoint}, {@code whiteboard.oidc.provider-logout}
     * on). The app's session ends either way.
     */
    @DELETE
    public Response signOut() throws ServletException {
        Optional<URI> atProvider = sessionCaller.of(request).flatMap(caller -> providerLogout.url(caller, request));
        request.logout(); // the mechanism's cleanSubject ends the stored session, on every node
        sessionCaller.forget(request, response);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return atProvider
                .map(url -> Response.ok(new SignedOut(true, url.toString())).build())
                .orElseGet(() -> Response.noContent().build());
    }
}
