package dev.whiteboard.events;

import dev.whiteboard.errors.ErrorBody;
import dev.whiteboard.errors.Failures;
import dev.whiteboard.realtime.RealtimeSettings;
import dev.whiteboard.runtime.LocalEventHandler;
import dev.whiteboard.runtime.ThreadPool;
import dev.whiteboard.wire.WireJson;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This app's webhook for the built-in hub of the same server, in-process ({@link LocalEventHandler}): the hub hands it
 * the user events it would POST to {@code /eventhandler}, and it answers what {@link WebhookServlet} would. Kept
 * from the HTTP path: the allowed sources (the call comes from this machine, 127.0.0.1), the hub the app handles,
 * the checks of the event's attributes, the {@link ConnectionGuard} (a connection the app saw connect, as the user it
 * connected as, each event id once), the dispatch to the features and their replies, errors as statuses with the
 * same JSON bodies. Left out, because nothing crosses a process boundary: the signature, the hub's token and the
 * abuse-protection handshake. The events of one connection are checked and handed to the features one after another
 * in the order they came, on a few threads of the server's managed thread factory (never on the hub's socket
 * threads); a feature's reply may complete later ({@link UserEventHandler#handleAsync}, e.g. after the commit).
 */
@ApplicationScoped
public class InProcessWebhook implements LocalEventHandler {

    /** The address an in-process call counts as coming from, for {@code whiteboard.webhook.allowed-sources}. */
    static final String SOURCE = "127.0.0.1";

    private static final int THREADS = 4;
    private static final Logger LOG = Logger.getLogger(InProcessWebhook.class.getName());

    @Inject
    RealtimeSettings settings;

    @Inject
    EventRouter router;

    @Inject
    WebhookSettings webhook;

    @Inject
    ConnectionGuard guard;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    /** Per connection, the last event handed on: the next one is handed on after it. */
    private final ConcurrentMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    private final ThreadPool pool = new ThreadPool(THREADS, () -> threads);

    @Override
    public String path() {
        return "/eventhandler";
    }

    @Override
    public CompletableFuture<Answer> userEvent(Event event) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        Executor executor = pool;
        @SuppressWarnings("unchecked")
        CompletableFuture<Void>[] mine = new CompletableFuture[1];
        tails.compute(event.connectionId(), (id, tail) -> {
            Runnable step = () -> handOn(event, answer);
            mine[0] = tail == null ? CompletableFuture.runAsync(step, executor) : tail.thenRunAsync(step, executor);
            return mine[0];
        });
        mine[0].whenComplete((done, failure) -> tails.remove(event.connectionId(), mine[0]));
        return answer;
    }

    /** Checks the event and hands it to its feature; {@code answer} completes with the feature's reply. Never throws. */
    private void handOn(Event event, CompletableFuture<Answer> answer) {
        WebhookEvent.User user = null;
        try {
            if (!webhook.sources().allows(SOURCE)) {
                throw RefusedCallException.forbidden(
                        "this webhook takes calls only from its configured sources", "source");
            }
            WebhookEvent.User read = CloudEvents.user(
                    String.valueOf(event.eventId()),
                    event.hub(),
                    event.connectionId(),
                    event.userId(),
                    event.name(),
                    event.contentType(),
                    event.text() != null ? event.text().getBytes(StandardCharsets.UTF_8) : event.bytes());
            if (!read.hub().equalsIgnoreCase(settings.hub())) {
                throw new MalformedEventException("ce-hub", "this app handles the hub '" + settings.hub() + "' only");
            }
            guard.admit(read);
            user = read;
            WebhookEvent.User admitted = read;
            router.handleAsync(read).whenComplete((reply, failure) -> {
                if (failure == null) {
                    answer.complete(reply.map(json -> Answer.json(200, json)).orElseGet(Answer::noContent));
                } else {
                    answer.complete(failed(admitted, failure));
                }
            });
        } catch (RefusedCallException e) {
            LOG.log(
                    Level.WARNING,
                    "Security: refused an in-process event (connection {0}, user {1}, event {2}): {3}",
                    new Object[] {event.connectionId(), event.userId().orElse(""), event.name(), e.getMessage()});
            answer.complete(error(Failures.describe(e)));
        } catch (RuntimeException | Error e) {
            answer.complete(failed(user, e));
        }
    }

    private Answer failed(WebhookEvent.User admitted, Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        ErrorBody failure = Failures.describe(cause);
        if (admitted != null && failure.status() >= 500) {
            guard.release(admitted); // as on the HTTP path: a failed event's id may be used again
        }
        return error(failure);
    }

    private static Answer error(ErrorBody body) {
        return Answer.json(body.status(), WireJson.write(body));
    }

    @PreDestroy
    void stop() {
        pool.stop();
    }
}
