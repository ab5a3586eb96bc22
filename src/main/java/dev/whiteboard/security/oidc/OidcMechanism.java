package dev.whiteboard.security.oidc;

import dev.whiteboard.errors.ErrorBody;
import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.Failures;
import dev.whiteboard.security.MechanismResponses;
import dev.whiteboard.security.SessionCaller;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sign-in through the company's OpenID Connect provider, when {@code whiteboard.oidc.provider-uri} is set
 * ({@link SignInChoice} makes this the app's one mechanism then). How a request gets its caller:
 * <ul>
 * <li>{@code Authorization: Bearer <access token>} from the provider (scripts, tests): checked by
 *     {@link BearerTokens} on every request, no session;</li>
 * <li>a browser: {@value OidcSettings#START_PATH}{@code ?next=/page} starts the authorization-code flow, the
 *     provider comes back to {@value OidcSettings#CALLBACK_PATH}; both steps are the Jakarta Security OIDC
 *     mechanism's (the annotation below), this class only keeps the caller it signed in as a stored session
 *     ({@link SessionCaller}, known to every node) and sends the browser on to {@code next};</li>
 * <li>{@code Authorization: Basic} is refused: built-in accounts are off while OIDC is on.</li>
 * </ul>
 * Any other protected request without a caller gets 401 with a JSON body, never a redirect to the provider: the
 * pages' {@code fetch} calls cannot follow one, and go to the sign-in page instead.
 * <p>The annotation's mechanism is a bean of type {@code HttpAuthenticationMechanism} too; this class is an enabled
 * alternative, so it is the one the container uses, and it hands the two OIDC steps to the other one. The
 * provider's groups are recorded in {@link CallerGroups} for the decisions made without a request at hand.
 */
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${oidcConfig.providerUri}",
        clientId = "${oidcConfig.clientId}",
        clientSecret = "${oidcConfig.clientSecret}",
        redirectURI = "${oidcConfig.redirectUri}",
        scopeExpression = "${oidcConfig.scopes}",
        redirectToOriginalResource = false,
        claimsDefinition =
                @ClaimsDefinition(
                        callerNameClaim = "${oidcConfig.callerNameClaim}",
                        callerGroupsClaim = "${oidcConfig.groupsClaim}"))
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class OidcMechanism implements HttpAuthenticationMechanism {

    public static final String NEXT = "whiteboard.oidc.next";
    private static final Logger LOG = Logger.getLogger(OidcMechanism.class.getName());

    @Inject
    BeanManager beans;

    private volatile HttpAuthenticationMechanism codeFlow;

    @Inject
    BearerTokens bearerTokens;

    @Inject
    CallerGroups callerGroups;

    @Inject
    OidcSettings settings;

    @Inject
    SessionCaller sessionCaller;

    @Inject
    Instance<OpenIdContext> openIdContext;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            AuthenticationStatus status = bearer(authorization.substring(7).strip(), request, response, context);
            if (status != null) {
                return status;
            }
        } else if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return MechanismResponses.unauthorized(
                    request,
                    response,
                    "this server signs in with " + settings.providerName()
                            + " (OpenID Connect): send the provider's access token as Authorization: Bearer");
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(OidcSettings.START_PATH)) {
            return start(request, response, context);
        }
        if (path.equals(OidcSettings.CALLBACK_PATH)) {
            return callback(request, response, context);
        }
        Optional<SessionCaller.SignedIn> signedIn;
        try {
            signedIn = sessionCaller.of(request);
        } catch (RuntimeException e) {
            // the stored sessions could not be read (the database is down): not "sign in again"
            return context.isProtected()
                    ? MechanismResponses.fail(request, response, Failures.describe(e))
                    : context.doNothing();
        }
        if (signedIn.isPresent()) {
            return context.notifyContainerAboutLogin(
                    signedIn.get().name(), signedIn.get().groups());
        }
        if (context.isProtected()) {
            return MechanismResponses.unauthorized(
                    request,
                    response,
                    "sign in first: with " + settings.providerName() + " on the sign-in page, or with a bearer token");
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        sessionCaller.forget(request, response);
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    /**
     * A bearer token: the caller, or 401 when the request needs one. On open URLs an unknown token is left alone
     * (returns {@code null}): the built-in hub's REST API has bearer tokens of its own.
     */
    private AuthenticationStatus bearer(
            String token, HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Optional<BearerTokens.Caller> caller;
        try {
            caller = bearerTokens.verify(token);
        } catch (IllegalStateException e) {
            LOG.log(Level.WARNING, "Bearer token not checked: {0}", e.getMessage());
            return MechanismResponses.fail(
                    request,
                    response,
                    ErrorBody.of(
                            ErrorKind.UNAVAILABLE,
                            "the identity provider cannot be reached to check the token; try again",
                            null));
        }
        if (caller.isPresent()) {
            record(caller.get().name(), caller.get().groups());
            return context.notifyContainerAboutLogin(
                    caller.get().name(), caller.get().groups());
        }
        return context.isProtected()
                ? MechanismResponses.unauthorized(
                        request,
                        response,
                        "the bearer token is not valid here (forged, expired, or" + " issued for another audience)")
                : null;
    }

    /** A browser's sign-in: remember where to go afterwards, then the OIDC mechanism redirects to the provider. */
    private AuthenticationStatus start(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        request.getSession(true).setAttribute(NEXT, localPath(request.getParameter("next")));
        sessionCaller.forget(request, response);
        return codeFlow().validateRequest(request, response, new HttpMessageContextWrapper(context) {
            @Override
            public boolean isProtected() {
                return true; // the OIDC mechanism redirects to the provider for protected resources only
            }
        });
    }

    /** The provider sent the browser back: the OIDC mechanism checks the code; the caller is kept in the session. */
    private AuthenticationStatus callback(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        if (request.getSession(false) == null || request.getParameter("state") == null) {
            // not the end of a sign-in this browser started here (the mechanism keeps its state in the session)
            return MechanismResponses.unauthorized(
                    request,
                    response,
                    "no sign-in with " + settings.providerName()
                            + " was started in this browser; start from the sign-in page");
        }
        Signing signing = new Signing(context);
        AuthenticationStatus status;
        try {
            status = codeFlow()
                    .validateRequest(PublicCallback.asSent(request, settings.publicCallback()), response, signing);
        } catch (RuntimeException e) {
            // Soteria 3.0.3 fails with NoSuchElementException on a callback whose state it no longer has
            LOG.log(Level.INFO, "OIDC callback refused: {0}", e.toString());
            status = AuthenticationStatus.SEND_FAILURE;
        }
        if (status == AuthenticationStatus.SUCCESS && signing.name != null) {
            sessionCaller.keep(request, response, signing.name, signing.groups, idToken());
            record(signing.name, signing.groups);
            return status;
        }
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            return status;
        }
        // no code, a stale or forged state, or a code the provider refused
        return MechanismResponses.unauthorized(
                request,
                response,
                "the sign-in with " + settings.providerName() + " did not succeed; start again from the sign-in page");
    }

    /** The ID token the provider just issued (the hint for signing out there later), if the mechanism kept it. */
    private String idToken() {
        try {
            var token = openIdContext.get().getIdentityToken();
            return token == null ? null : token.getToken();
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "The ID token is not at hand; signing out will not end the provider''s session: {0}",
                    e.toString());
            return null;
        }
    }

    private void record(String user, Set<String> groups) {
        try {
            callerGroups.record(user, groups);
        } catch (RuntimeException e) {
            // access by group is then decided on the groups recorded before; the sign-in itself stands
            LOG.log(Level.WARNING, "The groups of {0} could not be recorded: {1}", new Object[] {user, e.getMessage()});
        }
    }

    /**
     * The Jakarta Security OIDC mechanism (the annotation's bean): the other mechanism bean, not this one. Looked up
     * in the {@code BeanManager}, because resolution (an {@code Instance}) would only ever give this alternative.
     */
    private HttpAuthenticationMechanism codeFlow() {
        HttpAuthenticationMechanism found = codeFlow;
        if (found == null) {
            Bean<?> bean = beans.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE).stream()
                    .filter(b -> !OidcMechanism.class.isAssignableFrom(b.getBeanClass()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "the Jakarta Security OpenID Connect mechanism is" + " not deployed"));
            found = (HttpAuthenticationMechanism)
                    beans.getReference(bean, HttpAuthenticationMechanism.class, beans.createCreationalContext(bean));
            codeFlow = found;
        }
        return found;
    }

    /**
     * Where to go after signing in: a path of this site only (never another site: no open redirect), and a valid
     * URI reference (a {@code next} that is not one, such as {@code /a b}, goes to the home page instead).
     */
    public static String localPath(String next) {
        return next != null
                        && next.startsWith("/")
                        && !next.startsWith("//")
                        && !next.contains("\\")
                        && next.chars().noneMatch(Character::isISOControl)
                        && isPathReference(next)
                ? next
                : "/";
    }

    private static boolean isPathReference(String next) {
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Passes the OIDC mechanism's login on to the container, and remembers who it was. */
    private static final class Signing extends HttpMessageContextWrapper {
        private String name;
        private Set<String> groups = Set.of();

        Signing(HttpMessageContext wrapped) {
            super(wrapped);
        }

        @Override
        public AuthenticationStatus notifyContainerAboutLogin(CredentialValidationResult result) {
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                name = result.getCallerPrincipal().getName();
                groups = Set.copyOf(result.getCallerGroups());
            }
            return super.notifyContainerAboutLogin(result);
        }

        @Override
        public AuthenticationStatus notifyContainerAboutLogin(Principal principal, Set<String> callerGroups) {
            name = principal.getName();
            groups = Set.copyOf(callerGroups);
            return super.notifyContainerAboutLogin(principal, callerGroups);
        }

        @Override
        public AuthenticationStatus notifyContainerAboutLogin(String callerName, Set<String> callerGroups) {
            name = callerName;
            groups = Set.copyOf(callerGroups);
            return super.notifyContainerAboutLogin(callerName, callerGroups);
        }
    }
}
