package dev.whiteboard.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Arrays;
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
    /** Where the provider sends the browser back after sign-in; {@code ${baseURL}} is the app's URL. */
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

    public OidcSettings() {
        Config config = ConfigProvider.getConfig();
        providerUri = value(config, "provider-uri").map(OidcSettings::withoutTrailingSlash).orElse(null);
        clientId = value(config, "client-id").orElse(null);
        clientSecret = value(config, "client-secret").orElse(null);
        scopes = value(config, "scopes").orElse("openid profile email");
        groupsClaim = value(config, "groups-claim").orElse("groups");
        callerNameClaim = value(config, "caller-name-claim").orElse("preferred_username");
        audience = value(config, "audience").orElse(clientId);
        providerName = value(config, "provider-name").orElse("your company");
        adminGroups = value(config, "admin-groups").map(OidcSettings::list).orElse(Set.of());
        if (providerUri != null && (clientId == null || clientSecret == null)) {
            throw new IllegalStateException("whiteboard.oidc.provider-uri is set, so whiteboard.oidc.client-id and"
                    + " whiteboard.oidc.client-secret are required too");
        }
    }

    /** Whether OIDC is configured, read straight from the configuration (for the CDI extension, before beans). */
    static boolean configured(Config config) {
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

    private static Optional<String> value(Config config, String key) {
        return config.getOptionalValue(PREFIX + key, String.class).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Set<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String withoutTrailingSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
