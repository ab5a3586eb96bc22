package dev.whiteboard.hub.upstream;

import static dev.whiteboard.runtime.JsonSupport.JSON;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.whiteboard.hub.HubSettings;
import dev.whiteboard.hub.access.AccessKey;
import dev.whiteboard.hub.access.ClientClaims;
import dev.whiteboard.hub.protocol.DataType;
import dev.whiteboard.hub.protocol.Payload;
import dev.whiteboard.runtime.LeanExecutor;
import dev.whiteboard.runtime.LocalEventHandler;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hub's calls to the event handler: CloudEvents in HTTP binary mode, as Azure Web PubSub sends them
 * ({@code webpubsub-protocol.md} §3–5). Every request carries the {@code ce-*} attributes, a {@code ce-signature}
 * per access key and {@code WebHook-Request-Origin}; before the first event to a handler host the abuse-protection
 * {@code OPTIONS} handshake must grant the hub's origin (a success is remembered for ten minutes). Blocking events
 * ({@code connect}, user events) wait at most {@value #TIMEOUT_SECONDS} s; {@code connected} and
 * {@code disconnected} are retried after 1, 3 and 5 s on 408, 5xx and network errors, then only logged.
 * <p>Connection state (§3.6): the {@code ce-connectionState} header of the answer to a blocking event replaces the
 * connection's state (an empty value clears it, no header keeps it), and every later event of that connection carries
 * the state in the same header (none while it is empty). The hub keeps at most {@value #MAX_CONNECTION_STATE}
 * characters of printable ASCII (what SDKs put there is base64): a larger or unprintable state is a failure of the
 * handler's answer, so a {@code connect} is refused with 500 and a user event fails like any failed event, and the
 * state stays as it was.
 * <p>Every call, the handshake included, carries {@code Authorization: Bearer <JWT>}: HS256 under the primary access
 * key, issued by the hub's endpoint for the URL called, valid for {@value #TOKEN_MINUTES} minutes. That is how Azure
 * Web PubSub authenticates itself to an event handler set up with managed identity (with an Entra ID token instead);
 * the app's webhook refuses a call without it, so a captured {@code ce-signature}, which covers only the connection
 * id, is not enough to post events. An event's token also names the event ({@code jti}: connection id and
 * {@code ce-id}), so a captured token cannot carry another event.
 * <p>In-process: when the URL a user event would go to is the path of a {@link LocalEventHandler} of this same server
 * (this app's own webhook, the default) and {@code whiteboard.hub.event-handler.in-process} is on (the default), the
 * event is handed to that handler directly, with the same attributes ({@code ce-id}, user, subprotocol, connection
 * state) and its answer taken as the HTTP answer would be (status, reply, {@code ce-connectionState}). Nothing crosses a
 * process boundary, so there is no signature, token or abuse-protection handshake on that path. Every other URL, and
 * {@code connect}, {@code connected} and {@code disconnected} always, go over HTTP.
 */
@ApplicationScoped
public class Upstream {

    static final int TIMEOUT_SECONDS = 10;
    /** How long a call's token is valid: long enough for retries and clock skew, short for a captured one. */
    static final int TOKEN_MINUTES = 5;
    /** The largest connection state the hub keeps: 4 KiB. */
    public static final int MAX_CONNECTION_STATE = 4096;

    private static final String CONNECTION_STATE = "ce-connectionState";
    private static final Logger LOG = Logger.getLogger(Upstream.class.getName());
    private static final Duration VALIDATION_KEPT = Duration.ofMinutes(10);
    private static final int[] RETRY_SECONDS = {1, 3, 5};
    private static final DateTimeFormatter CE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /**
     * The outcome of {@code connect}: refused with a status, or accepted with what the handler changed and the
     * connection's initial state ({@code ""} for none).
     */
    public record ConnectDecision(
            int refusedStatus,
            String refusal,
            Optional<String> userId,
            Optional<List<String>> roles,
            Optional<List<String>> groups,
            String connectionState) {

        public static ConnectDecision accept() {
            return accept("");
        }

        public static ConnectDecision accept(String connectionState) {
            return new ConnectDecision(0, null, Optional.empty(), Optional.empty(), Optional.empty(), connectionState);
        }

        public static ConnectDecision refuse(int status, String why) {
            return new ConnectDecision(status, why, Optional.empty(), Optional.empty(), Optional.empty(), "");
        }

        public boolean accepted() {
            return refusedStatus == 0;
        }
    }

    /** A user event's answer: the payload to pass back to the client, if any. */
    public record EventReply(Optional<Payload> payload) {}

    /** The connection an event is about, as its {@code ce-*} headers name it. */
    private record Source(
            String hub,
            String connectionId,
            Optional<String> userId,
            Optional<String> subprotocol,
            String connectionState) {

        static Source of(EventSource connection) {
            return new Source(
                    connection.hub(),
                    connection.id(),
                    connection.userId(),
                    connection.subprotocol(),
                    connection.connectionState());
        }
    }

    /** A {@code ce-connectionState} answer the hub does not keep. */
    private static final class InvalidConnectionStateException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        InvalidConnectionStateException(String message) {
            super(message);
        }
    }

    @Inject
    HubSettings settings;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    Instance<LocalEventHandler> localHandlers;

    private final ConcurrentMap<String, Instant> validatedUntil = new ConcurrentHashMap<>();
    /** The in-process handlers of this server, looked up once. */
    private volatile List<LocalEventHandler> local;

    /** Whether the log said that user events go in-process (said once). */
    private volatile boolean toldInProcess;

    private volatile HttpClient http;

    /** The blocking {@code connect} event; its body carries the claims, query, headers and offered subprotocols. */
    public ConnectDecision connect(
            String hub,
            String connectionId,
            ClientClaims claims,
            Map<String, List<String>> query,
            Map<String, List<String>> headers,
            List<String> subprotocols) {
        JsonObjectBuilder claimMap = JSON.createObjectBuilder();
        claims.userId()
                .ifPresent(u -> claimMap.add("sub", JSON.createArrayBuilder().add(u)));
        if (!claims.roles().isEmpty()) {
            claimMap.add("role", JSON.createArrayBuilder(claims.roles()));
        }
        if (!claims.groups().isEmpty()) {
            claimMap.add("webpubsub.group", JSON.createArrayBuilder(claims.groups()));
        }
        claimMap.add(
                "exp",
                JSON.createArrayBuilder().add(String.valueOf(claims.expiresAt().getEpochSecond())));
        claims.otherClaims().forEach((name, values) -> claimMap.add(name, JSON.createArrayBuilder(values)));
        String body = JSON.createObjectBuilder()
                .add("claims", claimMap)
                .add("query", multimap(query))
                .add("headers", multimap(headers))
                .add("subprotocols", JSON.createArrayBuilder(subprotocols))
                .add("clientCertificates", JSON.createArrayBuilder())
                .build()
                .toString();
        HttpResponse<byte[]> response;
        try {
            response = send(
                            new Source(hub, connectionId, claims.userId(), Optional.empty(), ""),
                            "connect",
                            "azure.webpubsub.sys.connect",
                            0,
                            "application/json; charset=utf-8",
                            body.getBytes(StandardCharsets.UTF_8))
                    .get(TIMEOUT_SECONDS + 1L, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "The connect event for hub {0} failed: {1}", new Object[] {hub, e.toString()});
            return ConnectDecision.refuse(500, "the event handler did not answer the connect event");
        }
        if (response.statusCode() >= 300) {
            return ConnectDecision.refuse(
                    response.statusCode() >= 500 ? 500 : response.statusCode(),
                    "refused by the event handler: " + abbreviate(new String(response.body(), StandardCharsets.UTF_8)));
        }
        String state;
        try {
            state = connectionState(Answer.of(response)).orElse("");
        } catch (InvalidConnectionStateException e) {
            LOG.log(Level.WARNING, "Refused a connection to hub {0}: {1}", new Object[] {hub, e.getMessage()});
            return ConnectDecision.refuse(500, e.getMessage());
        }
        String answerText = new String(response.body(), StandardCharsets.UTF_8);
        if (answerText.isBlank()) {
            return ConnectDecision.accept(state);
        }
        try (var reader = JSON.createReader(new StringReader(answerText))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject answer)) {
                return ConnectDecision.accept(state);
            }
            Optional<String> userId =
                    answer.get("userId") instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
            Optional<List<String>> roles = strings(answer.get("roles"));
            Optional<List<String>> groups = strings(answer.get("groups")).filter(g -> !g.isEmpty());
            return new ConnectDecision(0, null, userId, roles, groups, state);
        } catch (RuntimeException e) {
            return ConnectDecision.refuse(500, "the event handler's connect answer is not JSON");
        }
    }

    /** The non-blocking {@code connected} event. */
    public void connected(EventSource connection) {
        fireAndRetry(connection, "connected", "azure.webpubsub.sys.connected", "{}");
    }

    /** The non-blocking {@code disconnected} event, with the reason the connection ended. */
    public void disconnected(EventSource connection, String reason) {
        fireAndRetry(
                connection,
                "disconnected",
                "azure.webpubsub.sys.disconnected",
                JSON.createObjectBuilder()
                        .add("reason", reason == null ? "" : reason)
                        .build()
                        .toString());
    }

    /**
     * A blocking user event; the handler's 200 body, if any, is the reply to pass to the client. A
     * {@code ce-connectionState} in the answer becomes the connection's state before the reply is passed on. Handed
     * in-process to this server's own handler when the handler URL is its path (see the class comment).
     */
    public CompletableFuture<EventReply> userEvent(EventSource connection, String event, Payload payload) {
        Optional<LocalEventHandler> local = localHandler(connection.hub(), event);
        CompletableFuture<Answer> answer;
        if (local.isPresent()) {
            boolean binary = payload.type() == DataType.BINARY;
            answer = local.get()
                    .userEvent(new LocalEventHandler.Event(
                            connection.hub(),
                            connection.id(),
                            connection.userId(),
                            connection.subprotocol(),
                            connection.connectionState(),
                            connection.nextEventId(),
                            event,
                            payload.type().contentType(),
                            binary ? null : payload.asText(),
                            binary ? payload.asBytes() : null))
                    .thenApply(Answer::of);
        } else {
            answer = send(
                            Source.of(connection),
                            event,
                            "azure.webpubsub.user." + event,
                            connection.nextEventId(),
                            payload.type().contentType(),
                            payload.asBytes())
                    .thenApply(Answer::of);
        }
        return answer.thenApply(response -> {
            if (response.status() >= 300) {
                throw new IllegalStateException("the event handler answered " + response.status());
            }
            try {
                connectionState(response).ifPresent(connection::connectionState);
            } catch (InvalidConnectionStateException e) {
                LOG.log(Level.WARNING, "The {0} event of connection {1} failed: {2}", new Object[] {
                    event, connection.id(), e.getMessage()
                });
                throw e;
            }
            return new EventReply(reply(response));
        });
    }

    /**
     * The in-process handler for the user event's URL: one of this server whose path it is, when in-process events
     * are on; empty for any other URL. Decided per event (the URL may name the event, which the client chooses), at
     * the cost of parsing a URL.
     */
    private Optional<LocalEventHandler> localHandler(String hub, String event) {
        if (!settings.inProcessEvents() || local().isEmpty()) {
            return Optional.empty();
        }
        String url = fill(settings.eventHandlerUrlTemplate(hub).orElseThrow(), hub, event);
        Optional<String> path;
        try {
            path = settings.pathOnThisServer(URI.create(url));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (path.isEmpty()) {
            return Optional.empty();
        }
        for (LocalEventHandler handler : local()) {
            if (handler.path().equals(path.get())) {
                if (!toldInProcess) {
                    toldInProcess = true;
                    LOG.log(
                            Level.INFO,
                            "User events for {0} are handed in-process to this server''s event handler",
                            url);
                }
                return Optional.of(handler);
            }
        }
        return Optional.empty();
    }

    private List<LocalEventHandler> local() {
        List<LocalEventHandler> known = local;
        if (known == null) {
            known = localHandlers.stream().toList();
            local = known;
        }
        return known;
    }

    /**
     * An event handler's answer, from HTTP or in-process: its status, {@code Content-Type}, body and the values of its
     * {@code ce-connectionState} headers.
     */
    private record Answer(int status, Optional<String> contentType, byte[] body, List<String> states) {

        static Answer of(HttpResponse<byte[]> response) {
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type"),
                    response.body(),
                    response.headers().allValues(CONNECTION_STATE));
        }

        static Answer of(LocalEventHandler.Answer answer) {
            return new Answer(
                    answer.status(),
                    Optional.ofNullable(answer.contentType()),
                    answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8),
                    answer.connectionState().map(List::of).orElse(List.of()));
        }
    }

    /**
     * The state a blocking event's answer sets, if it has a {@code ce-connectionState} header (the last one if it has
     * several, as the emulator does); an empty value clears the state.
     */
    private static Optional<String> connectionState(Answer response) {
        List<String> values = response.states();
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String state = values.get(values.size() - 1).strip();
        if (state.length() > MAX_CONNECTION_STATE) {
            throw new InvalidConnectionStateException("the event handler's connection state has " + state.length()
                    + " characters; the hub keeps at most " + MAX_CONNECTION_STATE);
        }
        if (!state.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new InvalidConnectionStateException("the event handler's connection state is not printable ASCII");
        }
        return Optional.of(state);
    }

    /**
     * The client's copy of a user event's answer: typed by its content type (anything unknown is binary; JSON that
     * does not parse is passed on as text); none for 204 or an empty body.
     */
    private static Optional<Payload> reply(Answer response) {
        byte[] body = response.body();
        if (response.status() == 204 || body == null || body.length == 0) {
            return Optional.empty();
        }
        DataType type =
                response.contentType().flatMap(DataType::fromContentType).orElse(DataType.BINARY);
        try {
            return Optional.of(Payload.of(type, body));
        } catch (IllegalArgumentException e) {
            return Optional.of(Payload.of(DataType.TEXT, body));
        }
    }

    /** Sends a non-blocking event; retries carry the same id and state as the first attempt. */
    private void fireAndRetry(EventSource connection, String event, String type, String body) {
        attempt(Source.of(connection), event, type, body, connection.nextEventId(), 0);
    }

    private void attempt(Source source, String event, String type, String body, long eventId, int retry) {
        send(source, event, type, eventId, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8))
                .whenComplete((response, failure) -> {
                    boolean transientFailure =
                            failure != null || response.statusCode() == 408 || response.statusCode() >= 500;
                    if (!transientFailure) {
                        return;
                    }
                    if (retry < RETRY_SECONDS.length) {
                        CompletableFuture.delayedExecutor(
                                        RETRY_SECONDS[retry], TimeUnit.SECONDS, LeanExecutor.of(executor))
                                .execute(() -> attempt(source, event, type, body, eventId, retry + 1));
                    } else {
                        LOG.log(Level.WARNING, "The {0} event of connection {1} was not delivered: {2}", new Object[] {
                            event,
                            source.connectionId(),
                            failure != null ? failure.toString() : "status " + response.statusCode()
                        });
                    }
                });
    }

    private CompletableFuture<HttpResponse<byte[]>> send(
            Source source, String event, String ceType, long eventId, String contentType, byte[] body) {
        String hub = source.hub();
        String connectionId = source.connectionId();
        String template = settings.eventHandlerUrlTemplate(hub).orElseThrow();
        URI target = URI.create(fill(template, hub, event));
        return validate(template, hub, target).thenCompose(granted -> {
            if (!granted) {
                return CompletableFuture.failedFuture(new IOException("the event handler at " + target.getHost()
                        + " did not grant origin " + settings.origin() + " in the abuse-protection handshake"));
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target)
                    .timeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                    .header("Content-Type", contentType)
                    .header("ce-specversion", "1.0")
                    .header("ce-awpsversion", "1.0")
                    .header("ce-type", ceType)
                    .header("ce-source", "/hubs/" + hub + "/client/" + connectionId)
                    .header("ce-id", String.valueOf(eventId))
                    .header("ce-time", CE_TIME.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)))
                    .header("ce-signature", signature(connectionId))
                    .header("ce-connectionId", connectionId)
                    .header("ce-hub", hub)
                    .header("ce-eventName", event)
                    .header("WebHook-Request-Origin", settings.origin())
                    .header("Authorization", "Bearer " + token(target, Optional.of(connectionId + " " + eventId)))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            source.userId().ifPresent(u -> request.header("ce-userId", u));
            source.subprotocol().ifPresent(p -> request.header("ce-subprotocol", p));
            if (!source.connectionState().isEmpty()) {
                request.header(CONNECTION_STATE, source.connectionState());
            }
            return client().sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        });
    }

    /** The abuse-protection handshake, once per handler host (remembered when it succeeds). */
    private CompletableFuture<Boolean> validate(String template, String hub, URI target) {
        String key = target.getScheme() + "://" + target.getAuthority();
        Instant until = validatedUntil.get(key);
        if (until != null && until.isAfter(Instant.now())) {
            return CompletableFuture.completedFuture(true);
        }
        URI validation = URI.create(fill(template, hub, "validate"));
        HttpRequest options = HttpRequest.newBuilder(validation)
                .timeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                .header("Authorization", "Bearer " + token(validation, Optional.empty()))
                .header("WebHook-Request-Origin", settings.origin())
                .header("ce-awpsversion", "1.0")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build();
        return client().sendAsync(options, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> {
                    boolean granted = response.statusCode() / 100 == 2
                            && response.headers().allValues("WebHook-Allowed-Origin").stream()
                                    .flatMap(v -> Arrays.stream(v.split(",")))
                                    .map(String::strip)
                                    .anyMatch(v -> v.equals("*")
                                            || v.equalsIgnoreCase(settings.origin())
                                            || v.toLowerCase(Locale.ROOT)
                                                    .startsWith(
                                                            settings.origin().toLowerCase(Locale.ROOT) + ":"));
                    if (granted) {
                        validatedUntil.put(key, Instant.now().plus(VALIDATION_KEPT));
                    }
                    return granted;
                });
    }

    /**
     * The call's token: for {@code target} (without its query), from the hub, issued now for a few minutes; for an
     * event, its {@code jti} names the event ({@code "<connection id> <ce-id>"}), so that a captured token serves no
     * other event, and the webhook's window of used event ids makes it serve once.
     */
    String token(URI target, Optional<String> event) {
        Instant now = Instant.now();
        String audience = target.getScheme() + "://" + target.getRawAuthority()
                + (target.getRawPath() == null ? "" : target.getRawPath());
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                new JWTClaimsSet.Builder()
                        .issuer(settings.tokenIssuer())
                        .audience(audience)
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(Duration.ofMinutes(TOKEN_MINUTES))))
                        .jwtID(event.orElse(null))
                        .build());
        try {
            jwt.sign(new MACSigner(settings.keys().get(0).secret()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the event handler token", e);
        }
        return jwt.serialize();
    }

    /** {@code sha256=<hex>} for each access key, comma-joined without spaces. */
    String signature(String connectionId) {
        return settings.keys().stream()
                .map(key -> "sha256=" + hmac(key, connectionId))
                .collect(Collectors.joining(","));
    }

    public static String hmac(AccessKey key, String connectionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(connectionId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    private static String fill(String template, String hub, String event) {
        return template.replace("{hub}", URLEncoder.encode(hub, StandardCharsets.UTF_8))
                .replace("{event}", URLEncoder.encode(event, StandardCharsets.UTF_8));
    }

    private HttpClient client() {
        HttpClient known = http;
        if (known == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder()
                            .executor(LeanExecutor.of(executor))
                            .connectTimeout(Duration.ofSeconds(5))
                            .version(HttpClient.Version.HTTP_1_1)
                            .build();
                }
                known = http;
            }
        }
        return known;
    }

    private static JsonObjectBuilder multimap(Map<String, List<String>> values) {
        JsonObjectBuilder map = JSON.createObjectBuilder();
        values.forEach((name, list) -> map.add(name, JSON.createArrayBuilder(list)));
        return map;
    }

    private static Optional<List<String>> strings(JsonValue value) {
        if (value instanceof JsonArray array) {
            return Optional.of(array.stream()
                    .filter(JsonString.class::isInstance)
                    .map(v -> ((JsonString) v).getString())
                    .toList());
        }
        return Optional.empty();
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
