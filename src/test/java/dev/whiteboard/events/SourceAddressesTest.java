package dev.whiteboard.events;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SourceAddressesTest {

    @Test
    void anEmptyListAllowsAnyone() {
        assertTrue(SourceAddresses.parse("").allows("203.0.113.9"));
        assertTrue(SourceAddresses.parse(" , ").allows("2001:db8::1"));
        assertTrue(SourceAddresses.parse(null).any());
    }

    @Test
    void ipv4BlocksMatchByPrefix() {
        SourceAddresses allowed = SourceAddresses.parse("10.0.0.0/8, 192.168.1.128/25, 127.0.0.1");
        assertTrue(allowed.allows("10.255.3.4"));
        assertTrue(allowed.allows("192.168.1.200"));
        assertTrue(allowed.allows("127.0.0.1"));
        assertFalse(allowed.allows("192.168.1.127"), "below the /25");
        assertFalse(allowed.allows("11.0.0.1"));
        assertFalse(allowed.allows("127.0.0.2"), "a single address is a /32");
    }

    @Test
    void ipv6BlocksMatchByPrefixAndMappedIpv4AsIpv4() {
        SourceAddresses allowed = SourceAddresses.parse("::1, fd00::/8, 2001:db8:abcd::/48, 10.1.0.0/16");
        assertTrue(allowed.allows("0:0:0:0:0:0:0:1"), "the loopback as Payara reports it");
        assertTrue(allowed.allows("[::1]"));
        assertTrue(allowed.allows("fd12:3456::7"));
        assertTrue(allowed.allows("2001:db8:abcd:12::1"));
        assertFalse(allowed.allows("fe80::1%eth0"), "a link-local address outside the list");
        assertFalse(allowed.allows("2001:db8:abce::1"));
        assertTrue(allowed.allows("::ffff:10.1.2.3"), "IPv4-mapped: matched as IPv4");
        assertFalse(allowed.allows("::ffff:10.2.2.3"));
        assertFalse(allowed.allows("::2"));
    }

    @Test
    void zeroPrefixAllowsEveryAddressOfItsFamily() {
        SourceAddresses v4 = SourceAddresses.parse("0.0.0.0/0");
        assertTrue(v4.allows("198.51.100.1"));
        assertFalse(v4.allows("2001:db8::1"));
    }

    @Test
    void namesAndGarbageAreNeitherResolvedNorAllowed() {
        SourceAddresses allowed = SourceAddresses.parse("127.0.0.0/8");
        assertFalse(allowed.allows("localhost"), "a name is never resolved");
        assertFalse(allowed.allows(""));
        assertFalse(allowed.allows(null));
        assertFalse(allowed.allows("127.0.0.256"));
        assertThrows(IllegalArgumentException.class, () -> SourceAddresses.parse("localhost"));
        assertThrows(IllegalArgumentException.class, () -> SourceAddresses.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> SourceAddresses.parse("10.0.0.0/x"));
        assertThrows(IllegalArgumentException.class, () -> SourceAddresses.parse("::1/129"));
        assertThrows(IllegalArgumentException.class, () -> SourceAddresses.parse("10.0.0.0/8/8"));
    }
}
