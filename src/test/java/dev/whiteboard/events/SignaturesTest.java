package dev.whiteboard.events;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    private static final byte[] PRIMARY = "primary-key-of-at-least-thirty-two-chars".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECONDARY = "secondary-key-of-at-least-thirty-two-ch".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER = "someone-elses-key-of-thirty-two-chars-x".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureUnderEitherKeyIsGenuine() {
        List<byte[]> keys = List.of(PRIMARY, SECONDARY);
        assertTrue(Signatures.valid(Signatures.sign(PRIMARY, "conn1"), "conn1", keys));
        assertTrue(Signatures.valid(Signatures.sign(SECONDARY, "conn1"), "conn1", keys), "during a key rotation");
        assertTrue(
                Signatures.valid(
                        Signatures.sign(OTHER, "conn1") + "," + Signatures.sign(SECONDARY, "conn1"), "conn1", keys),
                "the service lists one signature per key of its own, comma-joined");
        assertTrue(
                Signatures.valid(
                        Signatures.sign(PRIMARY, "conn1").toUpperCase().replace("SHA256=", "sha256="), "conn1", keys),
                "hex digits in either case");
    }

    @Test
    void anythingElseIsNot() {
        List<byte[]> keys = List.of(PRIMARY, SECONDARY);
        assertFalse(Signatures.valid(Signatures.sign(OTHER, "conn1"), "conn1", keys), "another key");
        assertFalse(Signatures.valid(Signatures.sign(PRIMARY, "conn2"), "conn1", keys), "another connection");
        assertFalse(Signatures.valid("sha256=" + "0".repeat(64), "conn1", keys));
        assertFalse(Signatures.valid(Signatures.sign(PRIMARY, "conn1").replace("sha256=", "md5="), "conn1", keys));
        assertFalse(Signatures.valid(null, "conn1", keys));
        assertFalse(Signatures.valid("", "conn1", keys));
        assertFalse(Signatures.valid(Signatures.sign(PRIMARY, "conn1"), null, keys));
        assertFalse(Signatures.valid(Signatures.sign(PRIMARY, "conn1"), "conn1", List.of()));
    }
}
