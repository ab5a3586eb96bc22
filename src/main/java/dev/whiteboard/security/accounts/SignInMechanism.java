package dev.whiteboard.security.accounts;

import dev.whiteboard.errors.ErrorBody;
import dev.whiteboard.errors.Failures;
import dev.whiteboard.security.MechanismResponses;
import dev.whiteboard.security.SessionCaller;
import dev.whiteboard.security.throttle.SignInThrottledException;
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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * How a request gets its caller, in this order: a sign-in the app itself started ({@code /api/session}, which then
 * keeps the caller in the HTTP session); {@code Authorization: Basic} (scripts and tests; checked on every
 * request, no session); the stored session of an earlier sign-in (any node's). Other {@code Authorization} schemes are left alone
 * (the built-in hub's REST API has bearer tokens of its own). A session of an account disabled since its sign-in
 * ends at its next request ({@link AccountStates}).
 * <p>A protected URL without a caller gets 401 with a JSON body. The {@code WWW-Authenticate: Basic} challenge is
 * left out for the app's own pages (they send {@code X-Requested-With}), so that a browser shows the sign-in page
 * instead of its own password dialog.
 */
@ApplicationScoped
public class SignInMechanism implements HttpAuthenticationMechanism {

    private static final String REALM = "Whiteboard";

    @Inject
    IdentityStoreHandler identities;

    @Inject
    SignInGuard guard;

    @Inject
    AccountStates states;

    @Inject
    SessionCaller sessionCaller;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        try {
            Credential credential = context.getAuthParameters().getCredential();
            if (credential != null) {
                return signIn(request, response, context, identities.validate(credential));
            }
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                CredentialValidationResult result = basic(
                                authorization.substring(6).strip())
                        .map(sent -> guard.validate(sent, request, SignInGuard.Channel.BASIC))
                        .orElse(CredentialValidationResult.INVALID_RESULT);
                if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                    return context.notifyContainerAboutLogin(result);
                }
                return unauthorized(request, response, "wrong user name or password");
            }
        } catch (SignInThrottledException e) {
            return MechanismResponses.throttled(request, response, e);
        } catch (RuntimeException e) {
            // the accounts could not be read (the database is down): say so, rather than "wrong password"
            return failed(request, response, Failures.describe(e));
        }
        Optional<SessionCaller.SignedIn> signedIn;
        try {
            signedIn = sessionCaller.of(request);
        } catch (RuntimeException e) {
            // the stored sessions could not be read (the database is down): not "sign in again"
            return context.isProtected() ? failed(request, response, Failures.describe(e)) : context.doNothing();
        }
        if (signedIn.isPresent() && !states.usable(signedIn.get().name())) {
            // disabled (or a demo account switched off) since it signed in: the session ends here
            sessionCaller.forget(request, response);
            return context.isProtected()
                    ? unauthorized(request, response, "this account is disabled: ask an administrator")
                    : context.doNothing();
        }
        if (signedIn.isPresent()) {
            return context.notifyContainerAboutLogin(
                    signedIn.get().name(), signedIn.get().groups());
        }
        if (context.isProtected()) {
            return unauthorized(request, response, "sign in first: use the sign-in page, or HTTP Basic");
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        sessionCaller.forget(request, response);
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    private AuthenticationStatus signIn(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context,
            CredentialValidationResult result) {
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        sessionCaller.keep(request, response, result.getCallerPrincipal().getName(), result.getCallerGroups());
        return context.notifyContainerAboutLogin(result);
    }

    private static Optional<UsernamePasswordCredential> basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0
                    ? Optional.empty()
                    : Optional.of(
                            new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static AuthenticationStatus failed(
            HttpServletRequest request, HttpServletResponse response, ErrorBody error) {
        return MechanismResponses.fail(request, response, error);
    }

    private static AuthenticationStatus unauthorized(
            HttpServletRequest request, HttpServletResponse response, String message) {
        if (request.getHeader("X-Requested-With") == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        return MechanismResponses.unauthorized(request, response, message);
    }
}
