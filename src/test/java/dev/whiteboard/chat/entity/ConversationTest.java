package dev.whiteboard.chat.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.whiteboard.errors.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConversationTest {

    @Test
    void theThreeKindsOfKeyAreRead() {
        assertEquals(new Conversation.Board("k3m9x2p7qa"), Conversation.parse("board:k3m9x2p7qa"));
        assertEquals(new Conversation.Room(7), Conversation.parse("room:7"));
        assertEquals("room.7", new Conversation.Room(7).group());
        Conversation direct = Conversation.parse("dm:alice:bob");
        assertInstanceOf(Conversation.Direct.class, direct);
        assertEquals("dm:alice:bob", direct.key());
    }

    @Test
    void aDirectConversationIsTheSameWhoeverNamesIt() {
        assertEquals("dm:alice:bob", Conversation.parse("dm:bob:alice").key());
        assertEquals(Conversation.parse("dm:alice:bob"), Conversation.parse("dm:bob:alice"));
        Conversation.Direct direct = new Conversation.Direct("bob", "alice");
        assertEquals("alice", direct.a());
        assertEquals("bob", direct.other("alice"));
        assertEquals("alice", direct.other("bob"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "board:",
                "board:has space",
                "room:x",
                "room:",
                "dm:alice",
                "dm:alice:alice",
                "dm:alice:bob:carol",
                "chat:1",
                "BOARD:abc",
                "room:1234567890123456789"
            })
    void malformedKeysAreRefusedNamingTheField(String key) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Conversation.parse(key));
        assertEquals("conversation", e.field().orElseThrow());
    }
}
