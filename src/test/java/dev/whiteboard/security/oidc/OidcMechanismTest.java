package dev.whiteboard.security.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OidcMechanismTest {

    @Test
    void afterSigningInTheBrowserGoesOnlyToAPageOfThisSite() {
        assertEquals("/board.html?board=abc", OidcMechanism.localPath("/board.html?board=abc"));
        assertEquals("/wb/index.html", OidcMechanism.localPath("/wb/index.html"));
        assertEquals("/", OidcMechanism.localPath(null));
        assertEquals("/", OidcMechanism.localPath("https://evil.example/"));
        assertEquals("/", OidcMechanism.localPath("//evil.example/"));
        assertEquals("/", OidcMechanism.localPath("/\\evil.example/"));
        assertEquals("/", OidcMechanism.localPath("/a\r\nSet-Cookie: x=1"));
        assertEquals("/", OidcMechanism.localPath("board.html"));
        assertEquals("/board.html?title=a%20b", OidcMechanism.localPath("/board.html?title=a%20b"));
        assertEquals("/", OidcMechanism.localPath("/a b"), "not a URI: the home page");
        assertEquals("/", OidcMechanism.localPath("/a%zz"));
    }
}
