package dev.whiteboard.boards.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.whiteboard.boards.entity.Binding;
import dev.whiteboard.boards.entity.Connector;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.wire.WireJson;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A connector's bindings and label as the wire carries them (REST bodies and board events alike). */
class ConnectorInputTest {

    private static Connector read(String kind, String fields) {
        return WireJson.read(
                        "{\"id\":\"c\",\"kind\":\"" + kind + "\",\"points\":[0,0,10,10]" + fields + "}",
                        ShapeInput.class)
                .toData()
                .connector();
    }

    private static String refused(String fields) {
        return assertThrows(InvalidInputException.class, () -> read("arrow", fields))
                .field()
                .orElse(null);
    }

    @Test
    void bindingsAndALabelAreRead() {
        Connector connector = read(
                "arrow",
                ",\"start\":{\"shape\":\"a\",\"x\":1,\"y\":0.5},\"end\":{\"shape\":\"b\",\"x\":0,\"y\":0.25},"
                        + "\"label\":\"yes\"");
        assertEquals(new Connector(new Binding("a", 1, 0.5), new Binding("b", 0, 0.25), "yes"), connector);
        assertNull(read("line", ",\"start\":null,\"end\":null"));
        assertNull(read("line", ""));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                ",\"start\":{\"shape\":\"a\",\"x\":1,\"y\":0.5,\"colour\":1}|start.colour",
                ",\"end\":{\"x\":1,\"y\":0.5}|end.shape",
                ",\"end\":{\"shape\":7,\"x\":1,\"y\":0.5}|end.shape",
                ",\"start\":{\"shape\":\"a\",\"x\":\"1\",\"y\":0.5}|start.x",
                ",\"start\":{\"shape\":\"a\",\"x\":1}|start.y",
                ",\"start\":{\"shape\":\"a\",\"x\":1,\"y\":2}|start.y",
                ",\"start\":\"a\"|start",
                ",\"end\":[1]|end",
                ",\"label\":\"   \"|label",
            })
    void aMalformedBindingIsRefusedNamingTheField(String fields, String field) {
        assertEquals(field, refused(fields));
    }

    @Test
    void onlyLinesAndArrowsCarryThem() {
        assertEquals(
                "start",
                assertThrows(
                                InvalidInputException.class,
                                () -> read("rectangle", ",\"start\":{\"shape\":\"a\",\"x\":1,\"y\":0.5}"))
                        .field()
                        .orElse(null));
        assertEquals(
                "label",
                assertThrows(InvalidInputException.class, () -> read("note", ",\"text\":\"n\",\"label\":\"l\""))
                        .field()
                        .orElse(null));
    }

    @Test
    void aLabelThatIsNotAStringIsRefused() {
        assertThrows(JsonbException.class, () -> read("arrow", ",\"label\":5"));
    }
}
