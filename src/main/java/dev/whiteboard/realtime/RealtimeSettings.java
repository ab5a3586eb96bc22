package dev.whiteboard.realtime;

import dev.whiteboard.hub.HubSettings;
import dev.whiteboard.runtime.PublicAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which real-time service the app uses, in one place. With {@code whiteboard.webpubsub.connection-string} set it is
 * that service (Azure Web PubSub); otherwise the built-in hub of this very app. The webhook trusts the keys of that
 * service (plus {@code whiteboard.webpubsub.secondary-access-key} during a key rotation) and grants the abuse
 * protection handshake only to its host, unless {@code whiteboard.webpubsub.webhook-origins} lists others.
 */
@ApplicationScoped
public class RealtimeSettings {

    @Inject
    @ConfigProperty(name = "whiteboard.webpubsub.connection-string")
    Optional<String> connectionString;

    @Inject
    @ConfigProperty(name = "whiteboard.webpubsub.hub", defaultValue = "whiteboard")
    String hub;

    @Inject
    @ConfigProperty(name = "whiteboard.webpubsub.secondary-access-key")
    Optional<String> secondaryAccessKey;

    @Inject
    @ConfigProperty(name = "whiteboard.webpubsub.in-process", defaultValue = "true")
    boolean inProcess;

    @Inject
    @ConfigProperty(name = "whiteboard.webpubsub.webhook-origins")
    Optional<String> configuredWebhookOrigins;

    @Inject
    @ConfigProperty(name = "whiteboard.negotiate.token-minutes", defaultValue = "60")
    int tokenMinutes;

    @Inject
    PublicAddress publicAddress;

    @Inject
    @ConfigProperty(name = "whiteboard.webpubsub.client-endpoint")
    Optional<String> clientEndpoint;

    @Inject
    @ConfigProperty(name = "whiteboard.webpubsub.reverse-proxy-endpoint")
    Optional<String> reverseProxyEndpoint;

    @Inject
    HubSettings builtInHub;

    private volatile List<byte[]> webhookKeys;
    private volatile Set<String> webhookOrigins;
    private volatile Addresses addresses;

    /** Whether the app uses its own built-in hub (no connection string configured). */
    public boolean builtIn() {
        return configured().isEmpty();
    }

    /**
     * Whether messages to groups and users go to the built-in hub in-process rather than through the SDK's REST calls
     * ({@code whiteboard.webpubsub.in-process}, on by default): only with the built-in hub of this same server and no
     * reverse proxy in between. Azure Web PubSub is always reached through the SDK.
     */
    public boolean inProcess() {
        return inProcess
                && builtIn()
                && reverseProxyEndpoint.filter(p -> !p.isBlank()).isEmpty();
    }

    /** The connection string the SDK is built with. */
    public String connectionString() {
        return configured()
                .orElseGet(() ->
                        builtInHub.connectionString(builtInHub.keys().get(0).reveal()));
    }

    /** The app's hub: every board group lives in it. */
    public String hub() {
        return hub;
    }

    /** How long a client access token lasts (clients negotiate again when they reconnect after that). */
    public Duration tokenLifetime() {
        return Duration.ofMinutes(Math.max(1, Math.min(24 * 60, tokenMinutes)));
    }

    /** The keys a webhook call may be signed with: the primary first. Read once (every webhook call checks them). */
    public List<byte[]> webhookKeys() {
        List<byte[]> known = webhookKeys;
        if (known == null) {
            List<byte[]> keys = new ArrayList<>();
            if (builtIn()) {
                builtInHub.keys().forEach(key -> keys.add(key.secret()));
            } else {
                keys.add(ConnectionString.parse(connectionString()).accessKey().getBytes(StandardCharsets.UTF_8));
                secondaryAccessKey
                        .filter(k -> !k.isBlank())
                        .ifPresent(k -> keys.add(k.strip().getBytes(StandardCharsets.UTF_8)));
            }
            known = List.copyOf(keys);
            webhookKeys = known;
        }
        return known;
    }

    /** The hosts whose abuse-protection handshake the webhook grants: the service's, never {@code *}. */
    public Set<String> webhookOrigins() {
        Set<String> known = webhookOrigins;
        if (known == null) {
            Set<String> listed = configuredWebhookOrigins.stream()
                    .flatMap(list -> Arrays.stream(list.split(",")))
                    .map(o -> o.strip().toLowerCase(Locale.ROOT))
                    .filter(o -> !o.isEmpty() && !o.equals("*"))
                    .collect(Collectors.toUnmodifiableSet());
            known = !listed.isEmpty()
                    ? listed
                    : Set.of((builtIn()
                                    ? builtInHub.origin()
                                    : ConnectionString.parse(connectionString())
                                            .endpoint()
                                            .getHost())
                            .toLowerCase(Locale.ROOT));
            webhookOrigins = known;
        }
        return known;
    }

    /**
     * Where browsers reach the real-time service, when that is not where the SDK's client access URLs point:
     * {@code whiteboard.webpubsub.client-endpoint} if set (a gateway in front of Azure Web PubSub or of the hub);
     * otherwise, with the built-in hub, {@code whiteboard.public-url} (this app behind a gateway) or else
     * {@code appBase}, where the caller reached this app. Empty means the SDK's URL as it is (Azure, no gateway).
     */
    public Optional<URI> clientBase(URI appBase) {
        Addresses known = addresses();
        if (known.clientEndpoint().isPresent() || !builtIn()) {
            return known.clientEndpoint();
        }
        return Optional.of(known.publicUrl().orElse(appBase));
    }

    /** {@code accessUrl} (the SDK's) as browsers reach it: see {@link #clientBase(URI)}. */
    public URI clientUrl(URI accessUrl, URI appBase) {
        return clientBase(appBase)
                .map(base -> ClientUrls.rebase(accessUrl, addresses().serviceEndpoint(), base))
                .orElse(accessUrl);
    }

    /** The configured addresses and the service's endpoint, parsed once (every negotiate asks for them). */
    private record Addresses(Optional<URI> clientEndpoint, Optional<URI> publicUrl, URI serviceEndpoint) {}

    private Addresses addresses() {
        Addresses known = addresses;
        if (known == null) {
            known = new Addresses(
                    PublicAddress.absolute("whiteboard.webpubsub.client-endpoint", clientEndpoint),
                    publicAddress.url(),
                    ConnectionString.parse(connectionString()).endpoint());
            addresses = known;
        }
        return known;
    }

    /** The endpoint the SDK sends its REST calls through instead of the service's own (a gateway), if any. */
    public Optional<URI> reverseProxyEndpoint() {
        return PublicAddress.absolute("whiteboard.webpubsub.reverse-proxy-endpoint", reverseProxyEndpoint);
    }

    private Optional<String> configured() {
        return connectionString.map(String::strip).filter(s -> !s.isEmpty());
    }
}
