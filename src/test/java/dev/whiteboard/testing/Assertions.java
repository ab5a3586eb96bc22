package dev.whiteboard.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

/** Assertions on the product's wire conventions. */
public final class Assertions {

    private Assertions() {}

    /**
     * The reply is an error with the given status, JSON body {@code {"status","error","message"[,"field"]}},
     * and names {@code field} (or no field when {@code null}).
     */
    public static JsonObject assertError(Http.Reply reply, int status, String error, String field) {
        assertEquals(status, reply.status(), reply::toString);
        String type = reply.header("Content-Type");
        assertTrue(type != null && type.startsWith("application/json"), "content type " + type + " of " + reply);
        JsonObject body = reply.json();
        assertEquals(status, body.getInt("status"), reply::toString);
        assertEquals(error, body.getString("error"), reply::toString);
        assertFalse(body.getString("message").isBlank(), reply::toString);
        if (field == null) {
            assertFalse(body.containsKey("field"), reply::toString);
        } else {
            assertEquals(field, body.getString("field"), reply::toString);
        }
        return body;
    }
}
