package dev.whiteboard.security;

import dev.whiteboard.errors.ErrorBody;
import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.Failures;
import dev.whiteboard.wire.WireJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * How a request gets its caller, in this order: a sign-in the app itself started ({@code /api/session}, which then
 * keeps the caller in the HTTP session); {@code Authorization: Basic} (scripts and tests; checked on every
 * request, no session); the HTTP session of an earlier sign-in. Other {@code Authorization} schemes are left alone
 * (the built-in hub's REST API has bearer tokens of its own).
 * <p>A protected URL without a caller gets 401 with a JSON body. The {@code WWW-Authenticate: Basic} challenge is
 * left out for the app's own pages (they send {@code X-Requested-With}), so that a browser shows the sign-in page
 * instead of its own password dialog.
 */
@ApplicationScoped
public class SignInMechanism implements HttpAuthenticationMechanism {

    static final String SESSION_CALLER = "whiteboard.caller";
    private static final String REALM = "Whiteboard";

    @Inject
    IdentityStoreHandler identities;

    /** The caller kept in the HTTP session after a sign-in through the page. */
    record SignedIn(String name, Set<String> groups) implements Serializable {
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        try {
            Credential credential = context.getAuthParameters().getCredential();
            if (credential != null) {
                return signIn(request, context, identities.validate(credential));
            }
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                CredentialValidationResult result = basic(authorization.substring(6).strip())
                        .map(identities::validate).orElse(CredentialValidationResult.INVALID_RESULT);
                if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                    return context.notifyContainerAboutLogin(result);
                }
                return unauthorized(request, response, "wrong user name or password");
            }
        } catch (RuntimeException e) {
            // the accounts could not be read (the database is down): say so, rather than "wrong password"
            return failed(request, response, Failures.describe(e));
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_CALLER) instanceof SignedIn signedIn) {
            return context.notifyContainerAboutLogin(signedIn.name(), signedIn.groups());
        }
        if (context.isProtected()) {
            return unauthorized(request, response, "sign in first: use the sign-in page, or HTTP Basic");
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_CALLER);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    private static AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context,
                                               CredentialValidationResult result) {
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (request.getSession(false) != null) {
            request.changeSessionId(); // no session fixation: a signed-in session never keeps an id from before
        }
        request.getSession(true).setAttribute(SESSION_CALLER,
                new SignedIn(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
        return context.notifyContainerAboutLogin(result);
    }

    private static Optional<UsernamePasswordCredential> basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? Optional.empty()
                    : Optional.of(new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static AuthenticationStatus failed(HttpServletRequest request, HttpServletResponse response, ErrorBody error) {
        response.setStatus(error.status());
        if (error.retryable()) {
            response.setHeader("Retry-After", "5");
        }
        write(request, response, WireJson.write(error));
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, String json) {
        // Kept for the error page too: some servers (WildFly) answer a failed authentication with sendError,
        // which drops this body for the application's error page of the status (AuthenticationFailurePage).
        request.setAttribute(AuthenticationFailurePage.BODY, json);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter().write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     String message) {
        response.setStatus(ErrorKind.UNAUTHENTICATED.status());
        if (request.getHeader("X-Requested-With") == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        write(request, response, WireJson.write(ErrorBody.of(ErrorKind.UNAUTHENTICATED, message, null)));
        return AuthenticationStatus.SEND_FAILURE;
    }
}
