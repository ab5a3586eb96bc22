package dev.whiteboard.security.oidc;

import dev.whiteboard.runtime.PublicAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The OpenID Connect settings ({@code whiteboard.oidc.*}, MicroProfile Config, so environment variables such as
 * {@code WHITEBOARD_OIDC_PROVIDER_URI} override them). OIDC is on when a provider URI is set; then the client id
 * and secret are required. Named {@code oidcConfig} because the {@link OidcMechanism}'s annotation reads it with
 * Jakarta Expression Language ({@code ${oidcConfig.providerUri}}).
 * <p>Read once, at deployment: the choice of mechanism ({@link SignInChoice}) is made then, too.
 */
@Named("oidcConfig")
@ApplicationScoped
public class OidcSettings {

    static final String PREFIX = "whiteboard.oidc.";
    /**
     * Where the provider sends the browser back after sign-in, under the app's URL: {@code whiteboard.public-url}
     * behind a gateway, or else {@code ${baseURL}} (the address each request came to); or
     * {@code whiteboard.oidc.redirect-uri} as it is.
     */
    public static final String CALLBACK_PATH = "/api/session/callback";
    /** Where a browser starts the sign-in (an open redirect is impossible: {@code next} must be a local path). */
    public static final String START_PATH = "/api/session/oidc";

    private final String providerUri;
    private final String clientId;
    private final String clientSecret;
    private final String scopes;
    private final String groupsClaim;
    private final String callerNameClaim;
    private final String audience;
    private final String providerName;
    private final Set<String> adminGroups;
    private final Optional<URI> redirectUri;
    private final boolean providerLogout;

    @Inject
    PublicAddress publicAddress;

    public OidcSettings() {
        Config config = ConfigProvider.getConfig();
        providerUri = value(config, "provider-uri")
                .map(OidcSettings::withoutTrailingSlash)
                .orElse(null);
        clientId = value(config, "client-id").orElse(null);
        clientSecret = value(config, "client-secret").orElse(null);
        scopes = value(config, "scopes").orElse("openid profile email");
        groupsClaim = value(config, "groups-claim").orElse("groups");
        callerNameClaim = value(config, "caller-name-claim").orElse("preferred_username");
        audience = value(config, "audience").orElse(clientId);
        providerName = value(config, "provider-name").orElse("your company");
        adminGroups = value(config, "admin-groups").map(OidcSettings::list).orElse(Set.of());
        redirectUri = PublicAddress.absolute(PREFIX + "redirect-uri", value(config, "redirect-uri"));
        redirectUri
                .filter(uri -> !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT)))
                .ifPresent(uri -> {
                    throw new IllegalStateException(
                            PREFIX + "redirect-uri must be the http(s) URL at which browsers reach " + CALLBACK_PATH
                                    + ", not '" + uri + "'");
                });
        providerLogout = value(config, "provider-logout")
                .map(v -> flag("provider-logout", v))
                .orElse(true);
        if (providerUri != null && (clientId == null || clientSecret == null)) {
            throw new IllegalStateException("whiteboard.oidc.provider-uri is set, so whiteboard.oidc.client-id and"
                    + " whiteboard.oidc.client-secret are required too");
        }
    }

    /** Whether OIDC is configured, read straight from the configuration (for the CDI extension, before beans). */
    public static boolean configured(Config config) {
        return value(config, "provider-uri").isPresent();
    }

    public boolean enabled() {
        return providerUri != null;
    }

    public String getProviderUri() {
        return providerUri;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    /**
     * The callback URL for the annotation (Jakarta Expression Language): {@link #publicCallback()}, or
     * {@code ${baseURL}/api/session/callback}, which the mechanism completes with the address of each request.
     */
    public String getRedirectUri() {
        return publicCallback().map(URI::toString).orElse("${baseURL}" + CALLBACK_PATH);
    }

    /**
     * The callback URL when it does not depend on the request: {@code whiteboard.oidc.redirect-uri}, or else the
     * callback path under {@code whiteboard.public-url}; empty when neither is set.
     */
    public Optional<URI> publicCallback() {
        return callback(publicUrl(), redirectUri);
    }

    static Optional<URI> callback(Optional<URI> publicUrl, Optional<URI> redirectUri) {
        return redirectUri.or(() -> publicUrl.map(base -> under(base, CALLBACK_PATH)));
    }

    /**
     * The app's address as browsers see it, ending in {@code /}: {@code whiteboard.public-url}, or else
     * {@code whiteboard.oidc.redirect-uri} without its {@value #CALLBACK_PATH}; empty when neither says.
     */
    public Optional<URI> publicBase() {
        return base(publicUrl(), redirectUri);
    }

    static Optional<URI> base(Optional<URI> publicUrl, Optional<URI> redirectUri) {
        return publicUrl
                .map(OidcSettings::withSlash)
                .or(() -> redirectUri
                        .map(URI::toString)
                        .filter(uri -> uri.endsWith(CALLBACK_PATH))
                        .map(uri -> URI.create(uri.substring(0, uri.length() - CALLBACK_PATH.length()) + "/")));
    }

    /** The app's address for this request: {@link #publicBase()}, or where the request came to (ending in /). */
    public URI base(HttpServletRequest request) {
        return publicBase().orElseGet(() -> {
            String url = request.getRequestURL().toString();
            return URI.create(
                    url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath() + "/");
        });
    }

    /** Whether signing out ends the provider's session too, where the provider can ({@code end_session_endpoint}). */
    public boolean providerLogout() {
        return providerLogout;
    }

    /** Space-separated, as the annotation's {@code scopeExpression} wants them; {@code openid} is always added. */
    public String getScopes() {
        return scopes.contains("openid") ? scopes : "openid " + scopes;
    }

    public String getGroupsClaim() {
        return groupsClaim;
    }

    public String getCallerNameClaim() {
        return callerNameClaim;
    }

    /** The audience a bearer token must be for: {@code whiteboard.oidc.audience}, or the client id. */
    public String audience() {
        return audience;
    }

    /** What the sign-in page calls the provider: "Sign in with …". */
    public String providerName() {
        return providerName;
    }

    /** Members of these groups administer every board. */
    public Set<String> adminGroups() {
        return adminGroups;
    }

    private Optional<URI> publicUrl() {
        return publicAddress == null ? Optional.empty() : publicAddress.url();
    }

    static URI under(URI base, String path) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
    }

    private static URI withSlash(URI base) {
        return base.toString().endsWith("/") ? base : URI.create(base + "/");
    }

    private static boolean flag(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalStateException(PREFIX + key + " must be true or false, not '" + value + "'");
        };
    }

    private static Optional<String> value(Config config, String key) {
        return config.getOptionalValue(PREFIX + key, String.class)
                .map(String::strip)
                .filter(v -> !v.isEmpty());
    }

    private static Set<String> list(String value) {
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String withoutTrailingSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
