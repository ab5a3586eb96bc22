package dev.whiteboard.realtime;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.rest.RequestOptions;
import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;
import com.azure.messaging.webpubsub.models.WebPubSubClientAccessToken;
import com.azure.messaging.webpubsub.models.WebPubSubContentType;
import com.azure.messaging.webpubsub.models.WebPubSubPermission;
import dev.whiteboard.runtime.LeanExecutor;
import dev.whiteboard.runtime.LocalHub;
import dev.whiteboard.runtime.SerialQueues;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The app's client of the real-time service, through the official SDK: client access URLs, JSON messages to
 * groups and users, and users joining and leaving groups. Thread-safe; one SDK client for the app, built on first
 * use. With the built-in hub of this same server, messages to groups and users are handed to the hub in-process
 * ({@link LocalHub}, {@code whiteboard.webpubsub.in-process}), in the same queues, order and batches, without the REST
 * round trip; everything else, and everything with Azure Web PubSub, goes through the SDK. The SDK's JDK transport is
 * kept to HTTP/1.1 (an h2c upgrade attempt to Payara was seen to stall a request
 * until the SDK retried it) and retries once after a short delay, so a service outage costs a caller at most a few
 * seconds.
 */
@ApplicationScoped
public class RealtimeService {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Inject
    RealtimeSettings settings;

    private static final Logger LOG = Logger.getLogger(RealtimeService.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Inject
    SendRetries retries;

    private ScheduledExecutorService timer;

    @Inject
    Instance<LocalHub> localHub;

    /** The built-in hub in-process, when messages go to it that way; null otherwise. */
    private LocalHub local;

    /** Most messages in one batch (each is at most a few hundred KB; a batch stays well under 1 MB frames). */
    private static final int MAX_BATCH = 50;

    /** Per group or user, what waits to be sent; a queue exists only while something is waiting or sending. */
    private final SerialQueues<Target, Operation> queues = new SerialQueues<>();

    private Executor lean;

    @PostConstruct
    void leanExecutor() {
        lean = LeanExecutor.of(executor);
        if (settings.inProcess() && localHub.isResolvable() && localHub.get().enabled()) {
            local = localHub.get();
            LOG.info("Messages to groups and users go to the built-in hub in-process");
        }
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
    public record ClientAccess(URI url, String token, String hub) {}

    /**
     * Queues a JSON message to every connection in the group (clients see a group message without
     * {@code fromUserId}): sent in the background, in the order queued for that group, so the caller (a webhook
     * call, a REST request) never waits on the service. Waiting would also starve the built-in hub, which answers
     * the SDK on the very threads such callers hold. Messages that queue up while one is being sent go out
     * together as one {@code {"type":"batch","messages":[…]}} message, in order: under load a group gets fewer,
     * larger messages instead of falling behind. A failed send is tried again for about 30 s, with backoff, before
     * anything queued after it (see {@link #drain}); then it is logged.
     */
    public void publish(String group, String json) {
        enqueue(new Target(false, group), new Operation.Message(json));
    }

    /**
     * Queues a JSON message to every connection of the user (clients see {@code "from":"server"}), like
     * {@link #publish}: in the background, in order for that user, batched when several wait.
     */
    public void sendToUser(String user, String json) {
        enqueue(new Target(true, user), new Operation.Message(json));
    }

    /**
     * Adds every current connection of the user to the group, in the group's queue: a message published to the group
     * after this call reaches them. A user without a connection is not an error (their next connection is given
     * its groups when it connects).
     */
    public void addUserToGroup(String user, String group) {
        enqueue(new Target(false, group), new Operation.AddUser(user));
    }

    /** Takes every current connection of the user out of the group, in the group's queue. */
    public void removeUserFromGroup(String user, String group) {
        enqueue(new Target(false, group), new Operation.RemoveUser(user));
    }

    /**
     * Closes one connection for good, telling a JSON client {@code reason} first (it cannot recover it), in that
     * connection's queue. A connection that is already gone is not an error.
     */
    public void closeConnection(String connectionId, String reason) {
        enqueue(new Target(Kind.CONNECTION, connectionId), new Operation.Close(reason));
    }

    /**
     * Lets one connection publish to the group ({@code sendToGroup} permission with the group as
     * {@code targetName}), or takes that permission away, in that connection's queue (so a grant and a revoke
     * queued one after the other are carried out in that order). A connection that is gone is not an error.
     */
    public void allowSendToGroup(String connectionId, String group, boolean allowed) {
        enqueue(new Target(Kind.CONNECTION, connectionId), new Operation.SendToGroup(group, allowed));
    }

    /** Where queued operations go: a group, a user's connections, or one connection. */
    private record Target(Kind kind, String name) {
        Target(boolean user, String name) {
            this(user ? Kind.USER : Kind.GROUP, name);
        }

        boolean user() {
            return kind == Kind.USER;
        }
    }

    private enum Kind {
        GROUP,
        USER,
        CONNECTION
    }

    /**
     * What waits in a queue: messages (batched when consecutive), a user joining or leaving the group, or a
     * connection closed or given or denied a group's {@code sendToGroup}.
     */
    private sealed interface Operation {
        record Message(String json) implements Operation {}

        record AddUser(String user) implements Operation {}

        record RemoveUser(String user) implements Operation {}

        record Close(String reason) implements Operation {}

        record SendToGroup(String group, boolean allowed) implements Operation {}
    }

    private void enqueue(Target target, Operation operation) {
        queues.add(target, operation).ifPresent(lane -> lean.execute(() -> drain(lane, null)));
    }

    /**
     * Carries out what waits for the target, in order, until nothing does. A call that fails for a reason that may pass
     * (the service unreachable, a 5xx, 408 or 429) is tried again later ({@link SendRetries}: exponential backoff,
     * about 30 s at most) before anything queued after it, by a task scheduled for then: no thread waits meanwhile, and
     * the queue stays in this drain's hands, so nothing overtakes it. What still fails after that is logged and given
     * up; the clients notice the gap by the versions and reload.
     */
    private void drain(SerialQueues<Target, Operation>.Lane lane, Retry retry) {
        Target target = lane.key();
        while (true) {
            List<Operation> next;
            if (retry != null) {
                next = retry.operations();
            } else {
                // consecutive messages go out in one batch
                next = lane.next(
                        MAX_BATCH,
                        (first, following) ->
                                first instanceof Operation.Message && following instanceof Operation.Message);
                if (next.isEmpty()) {
                    return;
                }
            }
            try {
                carryOut(target, next);
                if (retry != null) {
                    LOG.log(Level.INFO, "Sent {0} operation(s) to {1} {2} at retry {3}", new Object[] {
                        next.size(), target.kind().name().toLowerCase(Locale.ROOT), target.name(), retry.number()
                    });
                }
                retry = null;
            } catch (RuntimeException e) {
                Retry again = retry == null ? Retry.first(next) : retry.following();
                if (mayPass(e) && again.scheduleIn(this, lane)) {
                    return;
                }
                LOG.log(Level.WARNING, "Could not send {0} operation(s) to {1} {2}{3}: {4}", new Object[] {
                    next.size(),
                    target.kind().name().toLowerCase(Locale.ROOT),
                    target.name(),
                    retry == null ? "" : " (gave up after " + retry.number() + " retries)",
                    e.toString()
                });
                retry = null;
            }
        }
    }

    /** Operations that failed: which retry comes next, and since when they have been failing. */
    private record Retry(List<Operation> operations, int number, long failingSinceNanos) {

        static Retry first(List<Operation> operations) {
            return new Retry(operations, 1, System.nanoTime());
        }

        Retry following() {
            return new Retry(operations, number + 1, failingSinceNanos);
        }

        /** Schedules this retry, unless the time for retries is up; returns whether it is scheduled. */
        boolean scheduleIn(RealtimeService service, SerialQueues<Target, Operation>.Lane lane) {
            SendRetries.Schedule schedule = service.retries.schedule();
            Duration failingFor = Duration.ofNanos(System.nanoTime() - failingSinceNanos);
            if (!schedule.retries(number, failingFor)) {
                return false;
            }
            try {
                service.timer()
                        .schedule(
                                () -> service.lean.execute(() -> service.drain(lane, this)),
                                schedule.delayBefore(number).toMillis(),
                                TimeUnit.MILLISECONDS);
                return true;
            } catch (RejectedExecutionException e) {
                return false; // shutting down
            }
        }
    }

    /**
     * Whether a failed call may work when tried again: the service could not be reached or answered 408, 429 or 5xx.
     * Any other answer (a 4xx) will not change.
     */
    private static boolean mayPass(RuntimeException failure) {
        if (failure instanceof HttpResponseException refused && refused.getResponse() != null) {
            int status = refused.getResponse().getStatusCode();
            return status == 408 || status == 429 || status >= 500;
        }
        return true;
    }

    /**
     * The timer of the retries: a plain scheduled thread of the server's thread factory that only hands each retry to
     * the managed executor when its time comes. Made on the first retry.
     */
    private synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(threads);
        }
        return timer;
    }

    @PreDestroy
    synchronized void stopTimer() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void carryOut(Target target, List<Operation> operations) {
        if (operations.get(0) instanceof Operation.Close close) {
            RequestOptions options = new RequestOptions().addQueryParam("reason", close.reason());
            unlessGone(() -> client().closeConnectionWithResponse(target.name(), options));
            return;
        }
        if (operations.get(0) instanceof Operation.SendToGroup send) {
            RequestOptions options = new RequestOptions().addQueryParam("targetName", send.group());
            unlessGone(() -> {
                if (send.allowed()) {
                    client().grantPermissionWithResponse(WebPubSubPermission.SEND_TO_GROUP, target.name(), options);
                } else {
                    client().revokePermissionWithResponse(WebPubSubPermission.SEND_TO_GROUP, target.name(), options);
                }
            });
            return;
        }
        if (operations.get(0) instanceof Operation.AddUser add) {
            try {
                client().addUserToGroupWithResponse(target.name(), add.user(), new RequestOptions());
            } catch (HttpResponseException e) {
                if (e.getResponse() == null || e.getResponse().getStatusCode() != 404) {
                    throw e;
                }
                // 404: the user has no connection now; their next one gets the group when it connects
            }
            return;
        }
        if (operations.get(0) instanceof Operation.RemoveUser remove) {
            client().removeUserFromGroupWithResponse(target.name(), remove.user(), new RequestOptions());
            return;
        }
        List<String> messages =
                operations.stream().map(o -> ((Operation.Message) o).json()).toList();
        String body = messages.size() == 1
                ? messages.get(0)
                : "{\"type\":\"batch\",\"messages\":[" + String.join(",", messages) + "]}";
        if (local != null) {
            if (target.user()) {
                local.sendToUser(settings.hub(), target.name(), body);
            } else {
                local.sendToGroup(settings.hub(), target.name(), body);
            }
        } else if (target.user()) {
            client().sendToUser(target.name(), body, WebPubSubContentType.APPLICATION_JSON);
        } else {
            client().sendToGroup(target.name(), body, WebPubSubContentType.APPLICATION_JSON);
        }
    }

    /** Carries out a call about one connection; 404 means the connection has ended meanwhile, which is fine. */
    private static void unlessGone(Runnable call) {
        try {
            call.run();
        } catch (HttpResponseException e) {
            if (e.getResponse() == null || e.getResponse().getStatusCode() != 404) {
                throw e;
            }
        }
    }

    public Duration tokenLifetime() {
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
                                            .connectTimeout(TIMEOUT))
                                    .build())
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
