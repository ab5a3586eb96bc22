package dev.whiteboard.boards.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.whiteboard.errors.InvalidInputException;
import org.junit.jupiter.api.Test;

class PointsTest {

    @Test
    void roundsToHundredthsAndWritesCompactJson() {
        Points points = Points.of(new double[] {1, 2.005, -3.14159, 1e6}, "points");
        assertEquals("[1,2.01,-3.14,1000000]", points.toJson());
        assertEquals(2, points.count());
    }

    @Test
    void storedFormReadsBackEqual() {
        Points points = Points.of(new double[] {0.5, -0.25, 10, 20, 999999.99, -1000000}, "points");
        assertEquals(points, Points.parse(points.toJson()));
        assertArrayEquals(points.toArray(), Points.parse(points.toJson()).toArray());
    }

    @Test
    void rejectsMissingEmptyAndOddCoordinates() {
        assertEquals(
                "points",
                assertThrows(InvalidInputException.class, () -> Points.of(null, "points"))
                        .field()
                        .orElseThrow());
        assertThrows(InvalidInputException.class, () -> Points.of(new double[0], "points"));
        assertThrows(InvalidInputException.class, () -> Points.of(new double[] {1, 2, 3}, "points"));
    }

    @Test
    void rejectsNonFiniteAndFarAwayCoordinates() {
        assertThrows(InvalidInputException.class, () -> Points.of(new double[] {Double.NaN, 0}, "points"));
        assertThrows(
                InvalidInputException.class, () -> Points.of(new double[] {0, Double.POSITIVE_INFINITY}, "points"));
        assertThrows(
                InvalidInputException.class, () -> Points.of(new double[] {0, Limits.MAX_COORDINATE + 1}, "points"));
    }

    @Test
    void acceptsExactlyTheMaximumNumberOfPoints() {
        assertEquals(
                Limits.MAX_POINTS_PER_SHAPE,
                Points.of(new double[Limits.MAX_POINTS_PER_SHAPE * 2], "points").count());
        InvalidInputException tooMany = assertThrows(
                InvalidInputException.class,
                () -> Points.of(new double[Limits.MAX_POINTS_PER_SHAPE * 2 + 2], "points"));
        assertEquals("at most 10000 points per shape, got 10001", tooMany.getMessage());
    }

    @Test
    void isAnImmutableValue() {
        double[] raw = {1, 2};
        Points points = Points.of(raw, "points");
        raw[0] = 99;
        points.toArray()[1] = 99;
        assertArrayEquals(new double[] {1, 2}, points.toArray());
        assertNotEquals(points, Points.of(new double[] {1, 3}, "points"));
    }

    @Test
    void refusesToReadSomethingThatIsNotAStoredArray() {
        assertThrows(IllegalArgumentException.class, () -> Points.parse("1,2"));
        assertThrows(IllegalArgumentException.class, () -> Points.parse("[]"));
        assertThrows(NumberFormatException.class, () -> Points.parse("[1,x]"));
    }
}
