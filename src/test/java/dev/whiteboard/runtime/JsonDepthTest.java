package dev.whiteboard.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JsonDepthTest {

    @Test
    void countsArraysAndObjectsOutsideStrings() {
        assertFalse(JsonDepth.exceeds("{\"a\":[[1]]}", 3));
        assertTrue(JsonDepth.exceeds("{\"a\":[[[1]]]}", 3));
        assertTrue(JsonDepth.exceeds("[".repeat(100_000), 32));
    }

    @Test
    void bracketsInStringsAndEscapesDoNotCount() {
        assertFalse(JsonDepth.exceeds("{\"a\":\"[[[[[[{{{{\"}", 1));
        assertFalse(JsonDepth.exceeds("{\"a\":\"\\\"[[[[\"}", 1));
        assertTrue(JsonDepth.exceeds("{\"a\":\"\\\\\",\"b\":[[1]]}", 2), "an escaped backslash ends the string");
    }
}
