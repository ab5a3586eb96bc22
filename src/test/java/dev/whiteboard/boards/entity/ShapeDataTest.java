package dev.whiteboard.boards.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.whiteboard.errors.InvalidInputException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShapeDataTest {

    private static final double[] TWO_POINTS = {0, 0, 100, 50};

    private static final String ASSET = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static ShapeData shape(String kind, double[] points, String text, String asset) {
        return ShapeData.fromWire(kind, null, null, null, null, points, text, asset, null);
    }

    private static String rejectedField(Runnable build) {
        return assertThrows(InvalidInputException.class, build::run).field().orElse(null);
    }

    @Test
    void fillsDefaultsAndNormalisesColours() {
        ShapeData pen = ShapeData.fromWire("pen", "#E03131", null, "#ABC", null, new double[] {1, 1}, null, null, null);
        assertEquals(ShapeKind.PEN, pen.kind());
        assertEquals("#e03131", pen.stroke());
        assertEquals("#abc", pen.fill());
        assertEquals(ShapeData.DEFAULT_WIDTH, pen.width());
        assertEquals(ShapeData.DEFAULT_OPACITY, pen.opacity());
        assertNull(pen.z());
        assertEquals(
                ShapeData.DEFAULT_STROKE, shape("line", TWO_POINTS, null, null).stroke());
    }

    @Test
    void eachKindTakesItsNumberOfPoints() {
        shape("pen", new double[] {5, 5}, null, null);
        shape("text", new double[] {5, 5}, "hello", null);
        shape("text", TWO_POINTS, "hello", null);
        for (String kind : new String[] {"line", "arrow", "rectangle", "ellipse"}) {
            shape(kind, TWO_POINTS, null, null);
            assertEquals("points", rejectedField(() -> shape(kind, new double[] {5, 5}, null, null)));
            assertEquals("points", rejectedField(() -> shape(kind, new double[] {0, 0, 1, 1, 2, 2}, null, null)));
        }
        assertEquals("points", rejectedField(() -> shape("text", new double[] {0, 0, 1, 1, 2, 2}, "x", null)));
    }

    @Test
    void rejectsUnknownAndMissingKinds() {
        assertEquals("kind", rejectedField(() -> shape("hexagon", TWO_POINTS, null, null)));
        assertEquals("kind", rejectedField(() -> shape(null, TWO_POINTS, null, null)));
        assertEquals("kind", rejectedField(() -> shape("PEN", TWO_POINTS, null, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"red", "#12", "#12345", "#1234567", "#gggggg", "rgb(0,0,0)", ""})
    void rejectsWhatIsNotAHexColour(String colour) {
        assertEquals(
                "stroke",
                rejectedField(() ->
                        ShapeData.fromWire("pen", colour, null, null, null, new double[] {1, 1}, null, null, null)));
        assertEquals(
                "fill",
                rejectedField(() ->
                        ShapeData.fromWire("pen", null, null, colour, null, new double[] {1, 1}, null, null, null)));
    }

    @Test
    void keepsWidthAndOpacityInRange() {
        assertEquals(
                "width",
                rejectedField(
                        () -> ShapeData.fromWire("pen", null, 0.0, null, null, new double[] {1, 1}, null, null, null)));
        assertEquals(
                "width",
                rejectedField(() -> ShapeData.fromWire(
                        "pen", null, Limits.MAX_STROKE_WIDTH + 1, null, null, new double[] {1, 1}, null, null, null)));
        assertEquals(
                "opacity",
                rejectedField(() ->
                        ShapeData.fromWire("pen", null, null, null, 1.01, new double[] {1, 1}, null, null, null)));
        assertEquals(
                "opacity",
                rejectedField(() ->
                        ShapeData.fromWire("pen", null, null, null, -0.1, new double[] {1, 1}, null, null, null)));
        assertEquals(
                "opacity",
                rejectedField(() -> ShapeData.fromWire(
                        "pen", null, null, null, Double.NaN, new double[] {1, 1}, null, null, null)));
    }

    @Test
    void onlyTextShapesCarryTextAndItIsBounded() {
        assertEquals("text", rejectedField(() -> shape("text", TWO_POINTS, null, null)));
        assertEquals("text", rejectedField(() -> shape("text", TWO_POINTS, "   ", null)));
        assertEquals("text", rejectedField(() -> shape("rectangle", TWO_POINTS, "label", null)));
        shape("text", TWO_POINTS, "x".repeat(Limits.MAX_TEXT_LENGTH), null);
        assertEquals(
                "text", rejectedField(() -> shape("text", TWO_POINTS, "x".repeat(Limits.MAX_TEXT_LENGTH + 1), null)));
    }

    @Test
    void aNoteIsABoxWithTextAndAColour() {
        ShapeData note =
                ShapeData.fromWire("note", null, null, "#A5D8FF", null, TWO_POINTS, "Ideas\n<b>x</b>", null, null);
        assertEquals(ShapeKind.NOTE, note.kind());
        assertEquals("#a5d8ff", note.fill(), "any colour the other shapes take, normalised");
        assertEquals("Ideas\n<b>x</b>", note.text(), "kept verbatim: text, never HTML");
        assertEquals("note", note.kind().wireName());
        assertEquals(
                ShapeData.DEFAULT_NOTE_FILL,
                shape("note", TWO_POINTS, "no colour given", null).fill(),
                "a note without a fill is yellow");
        assertEquals("points", rejectedField(() -> shape("note", new double[] {5, 5}, "x", null)));
        assertEquals("points", rejectedField(() -> shape("note", new double[] {0, 0, 1, 1, 2, 2}, "x", null)));
    }

    @Test
    void aNoteNeedsBoundedTextLikeATextShape() {
        assertEquals("text", rejectedField(() -> shape("note", TWO_POINTS, null, null)));
        assertEquals("text", rejectedField(() -> shape("note", TWO_POINTS, " \n ", null)));
        shape("note", TWO_POINTS, "x".repeat(Limits.MAX_TEXT_LENGTH), null);
        assertEquals(
                "text", rejectedField(() -> shape("note", TWO_POINTS, "x".repeat(Limits.MAX_TEXT_LENGTH + 1), null)));
        assertEquals("asset", rejectedField(() -> shape("note", TWO_POINTS, "x", ASSET)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yellow", "#ffd43", "#ffd43bff00", "url(#x)", ""})
    void aNoteColourIsAHexColour(String colour) {
        assertEquals(
                "fill",
                rejectedField(() -> ShapeData.fromWire("note", null, null, colour, null, TWO_POINTS, "x", null, null)));
    }

    @Test
    void aNoteIsNeverBuiltWithoutAColour() {
        assertEquals(
                "fill",
                rejectedField(() -> new ShapeData(
                        ShapeKind.NOTE, "#1e1e1e", 2, null, 1, Points.of(TWO_POINTS, "points"), "x", null, null)));
    }

    @Test
    void onlyImageShapesCarryAnAssetAndItIsAnAssetId() {
        assertEquals(ASSET, shape("image", TWO_POINTS, null, ASSET).asset());
        assertEquals("asset", rejectedField(() -> shape("image", TWO_POINTS, null, null)));
        assertEquals("asset", rejectedField(() -> shape("image", TWO_POINTS, null, "api/boards/abc/background")));
        assertEquals("asset", rejectedField(() -> shape("image", TWO_POINTS, null, "https://evil.example/x.png")));
        assertEquals("asset", rejectedField(() -> shape("image", TWO_POINTS, null, ASSET.toUpperCase(Locale.ROOT))));
        assertEquals("asset", rejectedField(() -> shape("image", TWO_POINTS, null, ASSET.substring(1))));
        assertEquals("asset", rejectedField(() -> shape("image", TWO_POINTS, null, ASSET + "0")));
        assertEquals("asset", rejectedField(() -> shape("image", TWO_POINTS, null, "../" + ASSET.substring(3))));
        assertEquals("asset", rejectedField(() -> shape("pen", new double[] {1, 1}, null, ASSET)));
        assertEquals("asset", rejectedField(() -> shape("text", new double[] {1, 1}, "x", ASSET)));
        assertEquals("points", rejectedField(() -> shape("image", new double[] {1, 1}, null, ASSET)));
        assertEquals("text", rejectedField(() -> shape("image", TWO_POINTS, "x", ASSET)));
    }

    @Test
    void withZKeepsEverythingElse() {
        ShapeData data = shape("rectangle", TWO_POINTS, null, null);
        ShapeData onTop = data.withZ(42);
        assertEquals(42L, onTop.z());
        assertEquals(
                new ShapeData(
                        data.kind(),
                        data.stroke(),
                        data.width(),
                        data.fill(),
                        data.opacity(),
                        data.points(),
                        data.text(),
                        data.asset(),
                        42L),
                onTop);
    }

    private static ShapeData turned(Double rotation) {
        return ShapeData.fromWire("rectangle", null, null, null, null, TWO_POINTS, null, null, null, rotation);
    }

    @Test
    void rotationIsNormalisedToDegreesFromZeroToUnder360() {
        assertEquals(0, turned(null).rotation());
        assertEquals(0, shape("rectangle", TWO_POINTS, null, null).rotation());
        assertEquals(45, turned(45.0).rotation());
        assertEquals(270, turned(-90.0).rotation());
        assertEquals(0, turned(360.0).rotation());
        assertEquals(0, turned(-0.0).rotation());
        assertEquals(0, turned(-1e-20).rotation(), "a hair below 0 is 0, never 360");
        assertEquals(15.5, turned(735.5).rotation());
        assertEquals(359.5, turned(-0.5).rotation());
        assertEquals(90, turned(-3_600_000_000_270.0).rotation(), 1e-6);
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void rejectsARotationThatIsNotAFiniteNumber(double rotation) {
        assertEquals("rotation", rejectedField(() -> turned(rotation)));
    }

    @Test
    void theRotationIsPartOfTheContentAndKeptByWithZ() {
        assertNotEquals(turned(30.0), turned(31.0));
        assertEquals(30, turned(30.0).withZ(7).rotation());
        assertEquals(turned(390.0), turned(30.0));
    }
}
