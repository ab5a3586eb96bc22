package dev.whiteboard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.errors.ErrorBody;
import dev.whiteboard.errors.Failures;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.security.NotSignedInException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The envelope of a user event: decoded once, every malformed case refused naming what is wrong. */
class UserEventTest {

    public record Shape(String id, Long z, String text) {}

    public record Change(String board, String requestId, List<Shape> put) {}

    @Test
    void aWellFormedEventIsDecodedOnceAndBoundStrictly() {
        UserEvent event = decode("{\"board\":\"b1\",\"requestId\":\"r7\",\"put\":[{\"id\":\"s\",\"z\":3}]}");
        assertEquals("changeShapes", event.name());
        assertEquals("c1", event.connectionId());
        assertEquals("alice", event.user());
        assertEquals("r7", event.requestId());
        assertEquals(Optional.of("b1"), event.string("board"));
        Change change = event.bind(Change.class);
        assertEquals("b1", change.board());
        assertEquals(3L, change.put().get(0).z());
    }

    @Test
    void dataNestedDeeperThanMessagesKeepsItsEnvelopeButIsNotBound() {
        UserEvent event =
                decode("{\"board\":\"b1\",\"requestId\":\"r9\",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}");
        assertEquals("r9", event.requestId());
        assertEquals(Optional.of("b1"), event.string("board"));
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> event.bind(Change.class));
        assertTrue(refused.getMessage().contains("nested more than 32"), refused.getMessage());
        UserEvent shallow = decode("{\"x\":" + "[".repeat(30) + "]".repeat(30) + "}");
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> shallow.bind(Change.class));
        assertEquals("x", unknown.field().orElseThrow(), "read, not refused as too deep: " + unknown.getMessage());
    }

    @Test
    void requestIdIsOptional() {
        assertNull(decode("{\"board\":\"b1\"}").requestId());
        assertNull(decode("{\"board\":\"b1\",\"requestId\":null}").requestId());
        assertEquals(
                "x".repeat(64),
                decode("{\"requestId\":\"" + "x".repeat(64) + "\"}").requestId());
    }

    @Test
    void dataThatIsNotJsonIsRefusedNamingTheDataType() {
        WebhookEvent.User text = new WebhookEvent.User(
                "e1", "hub", "c1", Optional.of("alice"), "changeShapes", "text/plain", bytes("{}"));
        assertRefused(() -> UserEvent.decode(text), "dataType");
    }

    @Test
    void dataThatIsNotAnObjectIsRefusedAsAWhole() {
        for (String data : new String[] {"[1,2]", "\"board\"", "42", "{\"board\":", "not json", ""}) {
            assertRefused(() -> decode(data), null);
        }
    }

    @Test
    void dataNestedTooDeeplyIsRefusedBeforeAnyParser() {
        String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        InvalidInputException refused = assertRefused(() -> decode(deep), null);
        assertTrue(refused.getMessage().contains("nested more than"), refused.getMessage());
    }

    @Test
    void aRequestIdThatIsNotAShortWellFormedStringIsRefused() {
        for (String id : new String[] {"7", "true", "{}", "[\"r\"]", "\"" + "x".repeat(65) + "\"", "\"a\\ud800\""}) {
            assertRefused(() -> decode("{\"board\":\"b1\",\"requestId\":" + id + "}"), "requestId");
        }
    }

    @Test
    void envelopeStringsAreOnlyWellFormedStrings() {
        UserEvent event = decode("{\"board\":\"a\\ud800\",\"conversation\":7,\"clientId\":\"c\\ud83d\\ude00\"}");
        assertEquals(Optional.empty(), event.string("board"), "a lone surrogate is not text");
        assertEquals(Optional.empty(), event.string("conversation"), "not a string");
        assertEquals(Optional.empty(), event.string("missing"));
        assertEquals(Optional.of("c\ud83d\ude00"), event.string("clientId"), "a surrogate pair is");
    }

    @Test
    void bindingKeepsTheStrictValuesAndNamesTheField() {
        assertField("{\"put\":[{\"id\":\"s\",\"z\":1.5}]}", "put.z");
        assertField("{\"put\":[{\"id\":\"s\",\"z\":1e19}]}", "put.z");
        assertField("{\"put\":[{\"id\":\"s\",\"z\":\"5\"}]}", "put.z");
        assertField("{\"put\":[{\"id\":\"s\",\"text\":\"half \\ud800\"}]}", "put.text");
    }

    @Test
    void anEventWithoutAUserIsNotSignedIn() {
        WebhookEvent.User anonymous =
                new WebhookEvent.User("e1", "hub", "c1", Optional.empty(), "chatSend", "application/json", bytes("{}"));
        assertThrows(
                NotSignedInException.class, () -> UserEvent.decode(anonymous).user());
    }

    private static void assertField(String data, String field) {
        UserEvent event = decode(data);
        RuntimeException e = assertThrows(RuntimeException.class, () -> event.bind(Change.class));
        ErrorBody body = Failures.describe(e);
        assertEquals(400, body.status(), body::toString);
        assertEquals("invalid", body.error());
        assertEquals(field, body.field(), body::toString);
    }

    private static InvalidInputException assertRefused(Runnable decode, String field) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, decode::run);
        assertEquals(field, refused.field().orElse(null), refused::getMessage);
        return refused;
    }

    private static UserEvent decode(String data) {
        return UserEvent.decode(new WebhookEvent.User(
                "e1",
                "hub",
                "c1",
                Optional.of("alice"),
                "changeShapes",
                "application/json; charset=utf-8",
                bytes(data)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
