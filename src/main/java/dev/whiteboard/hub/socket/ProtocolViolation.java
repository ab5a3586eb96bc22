package dev.whiteboard.hub.socket;

/** A client broke the WebSocket protocol or a limit of the hub: the connection closes with {@link #code()}. */
public final class ProtocolViolation extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient CloseCode code;

    ProtocolViolation(CloseCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public CloseCode code() {
        return code;
    }
}
