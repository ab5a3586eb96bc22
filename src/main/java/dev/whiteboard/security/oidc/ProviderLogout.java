package dev.whiteboard.security.oidc;

import dev.whiteboard.security.SessionCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): where a browser goes to end its session at the
 * provider too, when the provider has an {@code end_session_endpoint} and {@code whiteboard.oidc.provider-logout} is
 * on. The URL names the ID token the provider issued at sign-in ({@code id_token_hint}), this app
 * ({@code client_id}) and where the provider sends the browser afterwards ({@code post_logout_redirect_uri}: the
 * sign-in page, at the app's public address behind a gateway). Register that address at the provider as a valid
 * post-logout redirect URI.
 */
@ApplicationScoped
public class ProviderLogout {

    /** The page the provider sends the browser back to, relative to the app's address. */
    static final String SIGN_IN_PAGE = "signin.html";

    private static final Logger LOG = Logger.getLogger(ProviderLogout.class.getName());

    @Inject
    OidcSettings settings;

    @Inject
    ProviderDiscovery discovery;

    /**
     * Where to send the browser of {@code caller}, who is signing out, or empty when the app's sign-out is all there
     * is to do: OIDC off, provider logout off, no ID token (not signed in through the provider), or no
     * {@code end_session_endpoint} (or the provider cannot be reached now: the app's session ends all the same).
     */
    public Optional<URI> url(SessionCaller.SignedIn caller, HttpServletRequest request) {
        if (!settings.enabled() || !settings.providerLogout() || caller.idToken() == null) {
            return Optional.empty();
        }
        JsonObject document;
        try {
            document = discovery.document();
        } catch (IllegalStateException e) {
            LOG.log(Level.WARNING, "Signed out of this app only: {0}", e.getMessage());
            return Optional.empty();
        }
        return endSessionUrl(
                document, caller.idToken(), settings.base(request).resolve(SIGN_IN_PAGE), settings.getClientId());
    }

    /** The logout URL at the provider described by {@code discovery}, or empty if it has no end-session endpoint. */
    static Optional<URI> endSessionUrl(JsonObject discovery, String idToken, URI postLogoutRedirect, String clientId) {
        JsonValue endpoint = discovery.get("end_session_endpoint");
        if (!(endpoint instanceof JsonString text) || text.getString().isBlank()) {
            return Optional.empty();
        }
        URI base;
        try {
            base = URI.create(text.getString().strip());
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "The provider''s end_session_endpoint is not a URL: {0}", text.getString());
            return Optional.empty();
        }
        if (!base.isAbsolute() || base.getFragment() != null) {
            LOG.log(Level.WARNING, "The provider''s end_session_endpoint is not an absolute URL: {0}", base);
            return Optional.empty();
        }
        String separator = base.getRawQuery() == null ? "?" : "&";
        return Optional.of(URI.create(base + separator + "id_token_hint=" + encode(idToken)
                + "&post_logout_redirect_uri=" + encode(postLogoutRedirect.toString())
                + "&client_id=" + encode(clientId)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
