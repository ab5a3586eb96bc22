package dev.whiteboard.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real HTTP event handler for the built-in hub, in the test JVM: it records every request at
 * {@code /upstream/{hub}/{event}} per hub and answers as a test tells it to (by default: grants every origin in
 * the abuse-protection handshake and answers events with 204).
 */
public final class UpstreamReceiver implements AutoCloseable {

    /** A request as it arrived. */
    public record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String event() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    /** An answer: status, headers and body. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {

        public Answer(int status, Map<String, String> headers, String body) {
            this(status, headers, body.getBytes(StandardCharsets.UTF_8));
        }

        public static Answer of(int status) {
            return new Answer(status, Map.of(), "");
        }

        public static Answer json(String body) {
            return new Answer(200, Map.of("Content-Type", "application/json"), body);
        }

        public static Answer text(String body) {
            return new Answer(200, Map.of("Content-Type", "text/plain; charset=utf-8"), body);
        }

        public static Answer binary(byte[] body) {
            return new Answer(200, Map.of("Content-Type", "application/octet-stream"), body);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Map<String, BlockingQueue<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, Function<Received, Answer>> behaviours = new ConcurrentHashMap<>();
    private final BlockingQueue<Received> validations = new LinkedBlockingQueue<>();

    public UpstreamReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/upstream/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The URL template for the hub's configuration. */
    public String urlTemplate() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/upstream/{hub}/{event}";
    }

    /** Answers requests for {@code hub} with {@code behaviour} from now on. */
    public void answer(String hub, Function<Received, Answer> behaviour) {
        behaviours.put(hub.toLowerCase(Locale.ROOT), behaviour);
    }

    /** The next event the hub sent for {@code hub}. */
    public Received next(String hub) {
        try {
            Received next = queue(hub).poll(10, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("no event for hub " + hub + " within 10 s");
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next event for {@code hub} with the given event name, skipping others. */
    public Received next(String hub, String event) {
        while (true) {
            Received candidate = next(hub);
            if (candidate.event().equals(event)) {
                return candidate;
            }
        }
    }

    public void assertNothingFor(String hub, Duration quiet) throws InterruptedException {
        Received unexpected = queue(hub).poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
        if (unexpected != null) {
            throw new AssertionError("unexpected event " + unexpected.path());
        }
    }

    /** Every event for {@code hub} that arrives within {@code window}. */
    public List<Received> drain(String hub, Duration window) throws InterruptedException {
        List<Received> events = new ArrayList<>();
        long end = System.nanoTime() + window.toNanos();
        for (long left; (left = end - System.nanoTime()) > 0; ) {
            Received event = queue(hub).poll(left, TimeUnit.NANOSECONDS);
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    /** Abuse-protection requests seen so far. */
    public List<Received> validations() {
        return List.copyOf(validations);
    }

    private BlockingQueue<Received> queue(String hub) {
        return received.computeIfAbsent(hub.toLowerCase(Locale.ROOT), h -> new LinkedBlockingQueue<>());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String[] parts = path.split("/");
            String hub = parts.length > 2 ? parts[2] : "";
            Received request = new Received(
                    exchange.getRequestMethod(),
                    path,
                    Map.copyOf(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes());
            Answer answer;
            if (request.method().equals("OPTIONS")) {
                // always granted: a hub's behaviour answers its events (one written for events, such as
                // `r -> Answer.of(204)`, would otherwise refuse the handshake of whichever test validates first)
                validations.add(request);
                answer = new Answer(200, Map.of("WebHook-Allowed-Origin", "*"), "");
            } else {
                queue(hub).add(request);
                answer = behaviours.getOrDefault(hub, r -> Answer.of(204)).apply(request);
            }
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] body = answer.body();
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
