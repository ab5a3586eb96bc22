package dev.whiteboard.hub.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.whiteboard.hub.protocol.DataType;
import dev.whiteboard.hub.protocol.Payload;
import dev.whiteboard.hub.session.ClusterMessage.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one hub node writes to Redis for the others reads back as the same message, whatever it carries. */
class ClusterMessageTest {

    @Test
    void aGroupMessageWithItsFilterAndExclusionsReadsBackTheSame() {
        ClusterMessage sent = ClusterMessage.of(Kind.SEND_GROUP, "node-a", "whiteboard", "board-1:x")
                .withPayload(Payload.of(DataType.JSON, "{\"n\":[1,\"\\ud83d\\ude00\"]}".getBytes()), "alice")
                .withExcluded(List.of("c1", "c2"), "userId ne 'bob' and not('b' in groups)");
        assertEquals(sent, ClusterMessage.read(sent.write()));
    }

    @Test
    void everyDataTypeSurvivesTheTrip() {
        for (Payload payload : List.of(
                Payload.text("héllo\n"), Payload.binary(new byte[] {0, 1, -1}), Payload.protobuf(new byte[] {10, 0}))) {
            ClusterMessage sent =
                    ClusterMessage.of(Kind.SEND_USER, "n", "hub", "u").withPayload(payload, null);
            assertEquals(payload, ClusterMessage.read(sent.write()).payload());
        }
    }

    @Test
    void aQuestionAndItsAnswerCarryTheAskerAndTheId() {
        ClusterMessage question = ClusterMessage.of(Kind.JOIN_USER, "asker", "hub", "bob")
                .withGroups(List.of("g1", "g2"))
                .asking(42);
        ClusterMessage read = ClusterMessage.read(question.write());
        assertEquals(question, read);
        ClusterMessage answer = read.answer("other", List.of("conn-1"));
        ClusterMessage answerRead = ClusterMessage.read(answer.write());
        assertEquals(Kind.ANSWER, answerRead.kind());
        assertEquals("asker", answerRead.target(), "the answer goes back to the asker");
        assertEquals(42, answerRead.askId());
        assertEquals(List.of("conn-1"), answerRead.values());
    }

    @Test
    void aMessageOfAnUnknownKindIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClusterMessage.read("{\"k\":\"EXPLODE\",\"o\":\"n\"}"));
    }
}
