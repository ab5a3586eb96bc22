package dev.whiteboard.events;

import dev.whiteboard.hub.HubSettings;
import dev.whiteboard.realtime.RealtimeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may call the webhook (MicroProfile Config; environment variables override, e.g.
 * {@code WHITEBOARD_WEBHOOK_ALLOWED_SOURCES}):
 * <ul>
 *   <li>{@code whiteboard.webhook.allowed-sources}: IP addresses and CIDR blocks calls may come from (empty: any);
 *   <li>{@code whiteboard.webhook.token.enabled}: whether every call needs a Bearer token. On by default with the
 *       built-in hub (it signs one with its access key for each call) and when a JWKS URI is configured; off
 *       otherwise (Azure Web PubSub sends a token only when its event handler is set up with managed identity);
 *   <li>{@code whiteboard.webhook.token.jwks-uri}, {@code .issuer}, {@code .audience}: an identity provider's tokens
 *       (RS256) instead of the built-in hub's: for Azure, the Entra ID tenant's keys and issuer and the resource (app
 *       id) configured in the event handler's authentication settings. {@code .audience} may list several,
 *       comma-separated; without it the built-in hub's token must be for the URL the call came to.
 * </ul>
 * Read once: every call consults them.
 */
@ApplicationScoped
public class WebhookSettings {

    @Inject
    @ConfigProperty(name = "whiteboard.webhook.allowed-sources")
    Optional<String> allowedSources;

    @Inject
    @ConfigProperty(name = "whiteboard.webhook.token.enabled")
    Optional<Boolean> tokenEnabled;

    @Inject
    @ConfigProperty(name = "whiteboard.webhook.token.jwks-uri")
    Optional<String> jwksUri;

    @Inject
    @ConfigProperty(name = "whiteboard.webhook.token.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "whiteboard.webhook.token.audience")
    Optional<String> audience;

    @Inject
    RealtimeSettings realtime;

    @Inject
    HubSettings builtInHub;

    private static final Logger LOG = Logger.getLogger(WebhookSettings.class.getName());

    private volatile SourceAddresses sources;
    private volatile Optional<HandlerTokens> tokens;

    /** Reads the settings at startup: a mistake in them stops the app there, not at the service's first call. */
    void check(@Observes Startup startup) {
        // built here only to be checked: the check of the calls is built at the first call, when the context path
        // the built-in hub's issuer includes is surely known
        Optional<HandlerTokens> checked = buildTokens();
        LOG.log(Level.INFO, "The webhook takes calls from {0}, {1}", new Object[] {
            sources().any() ? "any address" : "the configured sources only",
            checked.isEmpty()
                    ? "without a token (whiteboard.webhook.token.* not configured)"
                    : text(jwksUri).isPresent()
                            ? "with a token of the configured issuer"
                            : "with the built-in hub's token"
        });
    }

    /** The addresses calls may come from, parsed once. */
    SourceAddresses sources() {
        SourceAddresses known = sources;
        if (known == null) {
            known = SourceAddresses.parse(allowedSources.orElse(""));
            sources = known;
        }
        return known;
    }

    /** The token check, if calls need a token. */
    Optional<HandlerTokens> tokens() {
        Optional<HandlerTokens> known = tokens;
        if (known == null) {
            known = buildTokens();
            tokens = known;
        }
        return known;
    }

    private Optional<HandlerTokens> buildTokens() {
        Optional<String> jwks = text(jwksUri);
        if (!tokenEnabled.orElse(realtime.builtIn() || jwks.isPresent())) {
            return Optional.empty();
        }
        Set<String> audiences = text(audience).stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .map(String::strip)
                .filter(a -> !a.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        if (jwks.isPresent()) {
            String expectedIssuer = text(issuer)
                    .orElseThrow(() -> new IllegalStateException(
                            "whiteboard.webhook.token.issuer is required with whiteboard.webhook.token.jwks-uri"));
            return Optional.of(HandlerTokens.jwks(URI.create(jwks.get()), expectedIssuer, audiences));
        }
        if (!realtime.builtIn()) {
            throw new IllegalStateException("whiteboard.webhook.token.enabled needs whiteboard.webhook.token.jwks-uri,"
                    + " .issuer and .audience with Azure Web PubSub");
        }
        return Optional.of(
                HandlerTokens.hmac(realtime.webhookKeys(), text(issuer).orElse(builtInHub.tokenIssuer()), audiences));
    }

    private static Optional<String> text(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty());
    }
}
