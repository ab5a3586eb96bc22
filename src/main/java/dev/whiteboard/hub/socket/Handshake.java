package dev.whiteboard.hub.socket;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Optional;

/** The server's side of the opening handshake (RFC 6455 §4.2): checking the request, answering 101, upgrading. */
public final class Handshake {

    /** Why a request is not a WebSocket handshake this server takes: the HTTP status to answer and a message. */
    public record Refusal(int status, String message) {}

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private Handshake() {}

    /** What is wrong with the request as a WebSocket handshake, if anything. */
    public static Optional<Refusal> check(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return Optional.of(new Refusal(405, "a WebSocket handshake is a GET request"));
        }
        if (!"websocket".equalsIgnoreCase(strip(request.getHeader("Upgrade")))) {
            return Optional.of(new Refusal(400, "a WebSocket upgrade is required"));
        }
        boolean connectionUpgrade = Collections.list(request.getHeaders("Connection")).stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .anyMatch(token -> token.strip().equalsIgnoreCase("upgrade"));
        if (!connectionUpgrade) {
            return Optional.of(new Refusal(400, "a WebSocket handshake needs Connection: Upgrade"));
        }
        if (!"13".equals(strip(request.getHeader("Sec-WebSocket-Version")))) {
            return Optional.of(new Refusal(426, "only WebSocket version 13 is spoken here"));
        }
        if (!validKey(request.getHeader("Sec-WebSocket-Key"))) {
            return Optional.of(new Refusal(400, "Sec-WebSocket-Key is missing or not 16 bytes in base64"));
        }
        return Optional.empty();
    }

    /**
     * Answers 101 Switching Protocols (with {@code subprotocol}, when not null) and hands the connection to a new
     * {@link ClientSocket}, opened by {@code opener} once the container has switched the connection over.
     */
    public static void upgrade(
            HttpServletRequest request,
            HttpServletResponse response,
            String subprotocol,
            int maxMessageBytes,
            ClientSocket.Opener opener,
            ClientSocket.Threads threads)
            throws IOException, ServletException {
        ClientSocket socket = request.upgrade(ClientSocket.class);
        socket.prepare(maxMessageBytes, opener, threads);
        response.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
        response.setHeader("Upgrade", "websocket");
        response.setHeader("Connection", "Upgrade");
        response.setHeader(
                "Sec-WebSocket-Accept",
                accept(request.getHeader("Sec-WebSocket-Key").strip()));
        if (subprotocol != null) {
            response.setHeader("Sec-WebSocket-Protocol", subprotocol);
        }
        response.flushBuffer();
    }

    /** The {@code Sec-WebSocket-Accept} answer to a key. */
    static String accept(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }

    private static boolean validKey(String key) {
        if (key == null) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key.strip()).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
