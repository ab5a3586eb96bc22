package dev.whiteboard.security.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionCookieFilterTest {

    @Test
    void theSessionCookieGetsSameSiteAndSecureOnlyWhenMissing() {
        assertEquals(
                "JSESSIONID=abc; Path=/; HttpOnly; SameSite=Lax",
                SessionCookieFilter.completed("JSESSIONID=abc; Path=/; HttpOnly", false));
        assertEquals(
                "JSESSIONID=abc; Path=/; HttpOnly; SameSite=Lax; Secure",
                SessionCookieFilter.completed("JSESSIONID=abc; Path=/; HttpOnly", true));
        assertEquals(
                "JSESSIONID=abc; Path=/; Secure; SameSite=Strict",
                SessionCookieFilter.completed("JSESSIONID=abc; Path=/; Secure; SameSite=Strict", true));
    }

    @Test
    void originsAreComparedAsBrowsersWriteThem() {
        assertEquals(Optional.of("https://board.example.com"), AppOrigin.origin("https://Board.Example.com:443/x"));
        assertEquals(Optional.of("http://localhost:8080"), AppOrigin.origin("http://localhost:8080/board.html?id=1"));
        assertEquals(Optional.empty(), AppOrigin.origin("null"));
        assertEquals(Optional.empty(), AppOrigin.origin("file:///tmp/a.html"));
    }
}
