package dev.whiteboard.hub.session;

/** The event handler refused a client's {@code connect}; the client gets {@link #status()} as the handshake answer. */
public class HandshakeRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    public HandshakeRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
