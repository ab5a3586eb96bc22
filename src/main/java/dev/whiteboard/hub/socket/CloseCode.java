package dev.whiteboard.hub.socket;

/** The close codes the hub sends or understands (RFC 6455 §7.4.1). */
public enum CloseCode {
    NORMAL_CLOSURE(1000),
    GOING_AWAY(1001),
    PROTOCOL_ERROR(1002),
    CANNOT_ACCEPT(1003),
    /** Received as "no code": a close frame with no payload. Never sent. */
    NO_STATUS_CODE(1005),
    /** The connection ended without a close frame. Never sent. */
    CLOSED_ABNORMALLY(1006),
    NOT_CONSISTENT(1007),
    VIOLATED_POLICY(1008),
    TOO_BIG(1009),
    UNEXPECTED_CONDITION(1011),
    TRY_AGAIN_LATER(1013);

    private final int code;

    CloseCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Whether a peer may send {@code code} in a close frame (RFC 6455 §7.4: 1000–1003, 1007–1014, 3000–4999). */
    static boolean isValidOnTheWire(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }
}
