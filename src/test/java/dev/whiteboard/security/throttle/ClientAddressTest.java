package dev.whiteboard.security.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void withoutTrustedProxiesTheForwardedForHeaderIsIgnored() {
        ClientAddress addresses = ClientAddress.trusting("");
        assertEquals("192.0.2.9", addresses.of("192.0.2.9", List.of("203.0.113.7")));
    }

    @Test
    void behindATrustedProxyTheNearestUntrustedHopIsTheClient() {
        ClientAddress addresses = ClientAddress.trusting("10.0.0.2, ::1");
        assertEquals("203.0.113.7", addresses.of("10.0.0.2", List.of("203.0.113.7")));
        assertEquals(
                "203.0.113.7",
                addresses.of("0:0:0:0:0:0:0:1", List.of("198.51.100.1, 203.0.113.7", "10.0.0.2")),
                "a value the client wrote itself (198.51.100.1) is not believed");
        assertEquals("10.0.0.2", addresses.of("10.0.0.2", List.of()), "no header: the proxy itself");
        assertEquals("10.0.0.2", addresses.of("10.0.0.2", List.of("evil.example")), "no names");
    }

    @Test
    void onlyAddressesAreTrustedNeverNames() {
        assertThrows(IllegalStateException.class, () -> ClientAddress.trusting("gateway.internal"));
        assertThrows(IllegalStateException.class, () -> ClientAddress.trusting("bad.cafe"));
    }
}
