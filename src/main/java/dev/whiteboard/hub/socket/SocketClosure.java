package dev.whiteboard.hub.socket;

/**
 * How a client's WebSocket ended, as its {@link ClientSocket.Listener} hears it: the close code and reason of the
 * close frame that decided it (the client's or the hub's), or {@code 1006} when the connection went away without
 * one, and which of the three it was.
 */
public record SocketClosure(int code, String reason, Origin origin) {

    /** Who ended the socket. */
    public enum Origin {
        /** The client sent a close frame first (any code, or none): it left on purpose. */
        CLIENT,
        /** The hub sent a close frame first (a protocol violation, the REST API, keep-alive, a slow client…). */
        SERVER,
        /** No close frame: the TCP connection broke or was closed, or the socket could not be opened. */
        LOST
    }

    public SocketClosure {
        reason = reason == null ? "" : reason;
    }

    /** Whether the client closed the socket with a close frame of its own. */
    public boolean byClient() {
        return origin == Origin.CLIENT;
    }
}
