package dev.whiteboard.realtime;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;
import com.azure.messaging.webpubsub.models.WebPubSubClientAccessToken;
import com.azure.messaging.webpubsub.models.WebPubSubContentType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/**
 * The app's client of the real-time service, through the official SDK: client access URLs, and JSON messages to
 * groups. Thread-safe; one SDK client for the app, built on first use. The SDK's JDK transport is kept to HTTP/1.1
 * (an h2c upgrade attempt to Payara was seen to stall a request until the SDK retried it) and retries once after a
 * short delay, so a service outage costs a caller at most a few seconds.
 */
@ApplicationScoped
public class RealtimeService {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Inject
    RealtimeSettings settings;

    private volatile WebPubSubServiceClient client;

    /** A client access URL for {@code user} with exactly these Web PubSub roles, joining no group by itself. */
    public ClientAccess clientAccess(String user, List<String> roles) {
        WebPubSubClientAccessToken token = client().getClientAccessToken(new GetClientAccessTokenOptions()
                .setUserId(user)
                .setRoles(roles)
                .setExpiresAfter(settings.tokenLifetime()));
        return new ClientAccess(URI.create(token.getUrl()), token.getToken(), settings.hub());
    }

    /** A client access URL, its token, and the hub. */
    public record ClientAccess(URI url, String token, String hub) {
    }

    /** Sends a JSON message to every connection in the group (clients see {@code "from":"server"}). */
    public void sendToGroup(String group, String json) {
        client().sendToGroup(group, json, WebPubSubContentType.APPLICATION_JSON);
    }

    public java.time.Duration tokenLifetime() {
        return settings.tokenLifetime();
    }

    /** Whether the app uses its own built-in hub. */
    public boolean builtIn() {
        return settings.builtIn();
    }

    private WebPubSubServiceClient client() {
        WebPubSubServiceClient known = client;
        if (known == null) {
            synchronized (this) {
                if (client == null) {
                    client = new WebPubSubServiceClientBuilder()
                            .connectionString(settings.connectionString())
                            .hub(settings.hub())
                            .httpClient(new JdkHttpClientBuilder(HttpClient.newBuilder()
                                    .version(HttpClient.Version.HTTP_1_1)
                                    .connectTimeout(TIMEOUT)).build())
                            .retryOptions(new RetryOptions(new FixedDelayOptions(1, Duration.ofMillis(250))))
                            .buildClient();
                }
                known = client;
            }
        }
        return known;
    }
}
