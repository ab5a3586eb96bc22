package dev.whiteboard.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.errors.ErrorBody;
import dev.whiteboard.errors.Failures;
import dev.whiteboard.errors.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the app's JSON binding refuses that JSON-B's defaults let through, and how the refusal reads. */
class StrictJsonTest {

    public record Shape(String id, Long z, Integer count, Double width, double[] points) {}

    public record Change(String board, List<Shape> put, Boolean removeImage) {}

    public record Title(String title) {}

    @Test
    void aBodyOfKnownFieldsIsReadStrictly() {
        assertEquals(
                "Plan", WireJson.readFields("{\"title\":\"Plan\"}", Title.class).title());
        assertNull(WireJson.readFields("{}", Title.class).title());
        ErrorBody lone = Failures.describe(assertThrows(
                RuntimeException.class, () -> WireJson.readFields("{\"title\":\"\\ud800\"}", Title.class)));
        assertEquals("title", lone.field());
        assertTrue(lone.message().contains("lone UTF-16 surrogate"), lone.message());
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> WireJson.readFields("{\"title\":\"Plan\",\"owner\":\"bob\"}", Title.class));
        assertEquals("owner", e.field().orElseThrow());
        assertTrue(e.getMessage().contains("title"), e.getMessage());
    }

    @Test
    void aBodyThatIsNoJsonObjectIsRefusedWithoutAField() {
        for (String body : List.of("[1]", "\"Plan\"", "{\"title\":", "nope", "")) {
            InvalidInputException e =
                    assertThrows(InvalidInputException.class, () -> WireJson.readFields(body, Title.class), body);
            assertTrue(e.field().isEmpty(), body);
        }
    }

    @Test
    void wholeNumbersInRangeAreRead() {
        Shape shape = WireJson.read("{\"z\":-9223372036854775808,\"count\":2147483647}", Shape.class);
        assertEquals(Long.MIN_VALUE, shape.z());
        assertEquals(Integer.MAX_VALUE, shape.count());
        assertEquals(5L, WireJson.read("{\"z\":5.0}", Shape.class).z(), "5.0 is whole");
        assertEquals(1000L, WireJson.read("{\"z\":1e3}", Shape.class).z());
        assertNull(WireJson.read("{\"z\":null}", Shape.class).z());
    }

    @Test
    void outOfRangeAndFractionalNumbersAreRefusedNamingTheField() {
        assertRefused("{\"z\":9223372036854775808}", "z", "from -9223372036854775808 to 9223372036854775807");
        assertRefused("{\"z\":1e19}", "z", "whole number from");
        assertRefused("{\"z\":1e30}", "z", "whole number from");
        assertRefused("{\"z\":1e999999999}", "z", "whole number from");
        assertRefused("{\"z\":1.5}", "z", "not 1.5");
        assertRefused("{\"z\":1e-999999999}", "z", "whole number");
        assertRefused("{\"count\":2147483648}", "count", "from -2147483648 to 2147483647");
        assertRefused("{\"z\":\"5\"}", "z", "whole number");
        assertRefused("{\"z\":true}", "z", "whole number");
    }

    @Test
    void aLoneSurrogateIsRefusedAndPairsPass() {
        assertEquals(
                "ok \ud83d\ude00",
                WireJson.read("{\"id\":\"ok \\ud83d\\ude00\"}", Shape.class).id());
        assertRefused("{\"id\":\"\\ud800\"}", "id", "lone UTF-16 surrogate");
        assertRefused("{\"id\":\"a\\udc00b\"}", "id", "lone UTF-16 surrogate");
        assertRefused("{\"id\":\"\\ude00\\ud83d\"}", "id", "lone UTF-16 surrogate");
        assertRefused("{\"id\":5}", "id", "must be a string");
    }

    @Test
    void nestedFieldsAreNamedWithTheirPath() {
        ErrorBody body = refused("{\"board\":\"b\",\"put\":[{\"id\":\"s\",\"z\":1.5}]}", Change.class);
        assertEquals("put.z", body.field());
        assertRefused("{\"id\":[1]}", "id", "must be a string");
    }

    @Test
    void anUnknownFieldInANestedRecordIsRefusedWithItsPath() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> WireJson.readFields(
                        "{\"board\":\"b\",\"put\":[{\"id\":\"s\"},{\"id\":\"t\",\"colour\":\"red\"}]}", Change.class));
        assertEquals("put[1].colour", e.field().orElseThrow());
        assertTrue(e.getMessage().contains("unknown field 'colour'"), e.getMessage());
        assertTrue(e.getMessage().contains("id, z, count"), e.getMessage());
    }

    @Test
    void anEventsEnvelopeMembersPassButOnlyAtTheTop() {
        String json = "{\"board\":\"b\",\"requestId\":\"r1\",\"put\":[{\"id\":\"s\"}]}";
        jakarta.json.JsonObject data =
                jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject();
        Change change = WireJson.bindFields(data, json, Change.class, java.util.Set.of("requestId"));
        assertEquals("s", change.put().get(0).id());

        String nested = "{\"put\":[{\"id\":\"s\",\"requestId\":\"r1\"}]}";
        jakarta.json.JsonObject inner =
                jakarta.json.Json.createReader(new java.io.StringReader(nested)).readObject();
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> WireJson.bindFields(inner, nested, Change.class, java.util.Set.of("requestId")));
        assertEquals("put[0].requestId", e.field().orElseThrow());
    }

    @Test
    void fractionalNumbersAreNumbersNotStringsOfDigits() {
        assertEquals(2.5, WireJson.read("{\"width\":2.5}", Shape.class).width());
        assertEquals(
                Double.POSITIVE_INFINITY,
                WireJson.read("{\"width\":1e999}", Shape.class).width(),
                "too large: infinite, which the entities refuse");
        assertRefused("{\"width\":\"2\"}", "width", "must be a number");
        assertRefused("{\"width\":true}", "width", "must be a number");
        assertEquals(
                "points", refused("{\"points\":[\"1\",2]}", Shape.class).field(), "a string in an array of numbers");
    }

    @Test
    void booleansAreTrueOrFalseOnly() {
        assertEquals(
                Boolean.TRUE,
                WireJson.read("{\"removeImage\":true}", Change.class).removeImage());
        assertEquals(
                "removeImage",
                refused("{\"removeImage\":\"true\"}", Change.class).field());
        assertEquals("removeImage", refused("{\"removeImage\":1}", Change.class).field());
    }

    @Test
    void deepNestingIsRefusedBeforeTheParserRecurses() {
        String deep = "{\"board\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        ErrorBody body = refused(deep, Change.class);
        assertEquals(400, body.status());
        assertTrue(body.message().contains("nested"), body.message());
    }

    @Test
    void errorMessagesDoNotShowTheParsersWords() {
        for (String json : new String[] {"{", "{\"board\":}", "[1,2]", "nonsense"}) {
            ErrorBody body = refused(json, Change.class);
            assertEquals(400, body.status(), json);
            for (String word : new String[] {"yasson", "parsson", "Exception", "class ", "jakarta", "Internal"}) {
                assertFalse(body.message().contains(word), body.message());
            }
        }
    }

    private static void assertRefused(String json, String field, String words) {
        ErrorBody body = refused(json, Shape.class);
        assertEquals(400, body.status(), json);
        assertEquals("invalid", body.error());
        assertEquals(field, body.field(), json);
        assertTrue(body.message().contains(words), body.message());
        assertTrue(body.message().startsWith(field + " "), body.message());
    }

    private static ErrorBody refused(String json, Class<?> type) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> WireJson.read(json, type), json);
        return Failures.describe(e);
    }
}
