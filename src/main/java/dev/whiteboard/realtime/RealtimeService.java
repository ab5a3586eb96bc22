package dev.whiteboard.realtime;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;
import com.azure.messaging.webpubsub.models.WebPubSubClientAccessToken;
import com.azure.messaging.webpubsub.models.WebPubSubContentType;
import dev.whiteboard.runtime.LeanExecutor;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

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

    private static final Logger LOG = Logger.getLogger(RealtimeService.class.getName());

    @Resource
    ManagedExecutorService executor;

    /** Most messages in one batch (each is at most a few hundred KB; a batch stays well under 1 MB frames). */
    private static final int MAX_BATCH = 50;

    /** Per group, the messages waiting to be sent; a queue exists only while something is waiting or sending. */
    private final Map<String, GroupQueue> queues = new ConcurrentHashMap<>();

    private Executor lean;

    @PostConstruct
    void leanExecutor() {
        lean = LeanExecutor.of(executor);
    }

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

    /**
     * Queues a JSON message to every connection in the group (clients see a group message without
     * {@code fromUserId}): sent in the background, in the order queued for that group, so the caller (a webhook
     * call, a REST request) never waits on the service. Waiting would also starve the built-in hub, which answers
     * the SDK on the very threads such callers hold. Messages that queue up while one is being sent go out
     * together as one {@code {"type":"batch","messages":[…]}} message, in order: under load a group gets fewer,
     * larger messages instead of falling behind. A failed send is logged.
     */
    public void publish(String group, String json) {
        GroupQueue queue = queues.computeIfAbsent(group, g -> new GroupQueue());
        boolean start;
        synchronized (queue) {
            queue.pending.add(json);
            start = !queue.sending;
            queue.sending = true;
        }
        if (start) {
            lean.execute(() -> drain(group, queue));
        }
    }

    /** The messages waiting for a group, and whether a task is sending them. */
    private static final class GroupQueue {
        final List<String> pending = new ArrayList<>();
        boolean sending;
    }

    private void drain(String group, GroupQueue queue) {
        while (true) {
            List<String> messages;
            synchronized (queue) {
                if (queue.pending.isEmpty()) {
                    queue.sending = false;
                    queues.remove(group, queue);
                    return;
                }
                messages = List.copyOf(queue.pending.subList(0, Math.min(MAX_BATCH, queue.pending.size())));
                queue.pending.subList(0, messages.size()).clear();
            }
            String body = messages.size() == 1 ? messages.get(0)
                    : "{\"type\":\"batch\",\"messages\":[" + String.join(",", messages) + "]}";
            try {
                client().sendToGroup(group, body, WebPubSubContentType.APPLICATION_JSON);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not send {0} message(s) to group {1}: {2}",
                        new Object[] {messages.size(), group, e.toString()});
            }
        }
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
                    WebPubSubServiceClientBuilder builder = new WebPubSubServiceClientBuilder()
                            .connectionString(settings.connectionString())
                            .hub(settings.hub())
                            .httpClient(new JdkHttpClientBuilder(HttpClient.newBuilder()
                                    .version(HttpClient.Version.HTTP_1_1)
                                    .connectTimeout(TIMEOUT)).build())
                            .retryOptions(new RetryOptions(new FixedDelayOptions(1, Duration.ofMillis(250))));
                    settings.reverseProxyEndpoint().ifPresent(proxy -> builder.reverseProxyEndpoint(proxy.toString()));
                    client = builder.buildClient();
                }
                known = client;
            }
        }
        return known;
    }
}
