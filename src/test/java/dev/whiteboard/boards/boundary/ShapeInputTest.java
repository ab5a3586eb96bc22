package dev.whiteboard.boards.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.whiteboard.wire.WireJson;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A shape's rotation as the wire carries it (REST bodies and board events are read with the same JSON-B). */
class ShapeInputTest {

    private static ShapeInput read(String rotation) {
        return WireJson.read(
                "{\"id\":\"s\",\"kind\":\"rectangle\",\"points\":[0,0,10,10],\"rotation\":" + rotation + "}",
                ShapeInput.class);
    }

    @Test
    void aRotationInDegreesIsReadAndNormalised() {
        assertEquals(30, read("30").toData().rotation());
        assertEquals(337.5, read("-22.5").toData().rotation());
        assertEquals(0, read("null").toData().rotation());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "\"45\"", "true", "[1]", "{}"})
    void aRotationThatIsNotANumberIsRefused(String rotation) {
        assertThrows(JsonbException.class, () -> read(rotation));
    }

    private static ShapeInput withField(String field, String value) {
        return WireJson.read(
                "{\"id\":\"s\",\"kind\":\"rectangle\",\"points\":[0,0,10,10],\"" + field + "\":" + value + "}",
                ShapeInput.class);
    }

    @Test
    void lockedIsABooleanAndAbsentMeansUnlocked() {
        assertEquals(true, withField("locked", "true").toData().locked());
        assertEquals(false, withField("locked", "false").toData().locked());
        assertEquals(false, withField("locked", "null").toData().locked());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"true\"", "1", "0", "[true]"})
    void aLockThatIsNotABooleanIsRefused(String locked) {
        assertThrows(JsonbException.class, () -> withField("locked", locked));
    }

    @Test
    void theOrderIsCarriedAsAWordForTheBoardToResolve() {
        assertEquals("front", withField("order", "\"front\"").order());
        assertThrows(JsonbException.class, () -> withField("order", "1"));
    }
}
