package dev.whiteboard.security.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OidcSettingsTest {

    private static final Optional<URI> NONE = Optional.empty();

    @Test
    void theCallbackIsUnderThePublicUrlOrAsConfiguredOrLeftToEachRequest() {
        assertEquals(
                Optional.of(URI.create("https://board.example.com/api/session/callback")),
                OidcSettings.callback(Optional.of(URI.create("https://board.example.com/")), NONE));
        assertEquals(
                Optional.of(URI.create("https://example.com/whiteboard/api/session/callback")),
                OidcSettings.callback(Optional.of(URI.create("https://example.com/whiteboard")), NONE));
        assertEquals(
                Optional.of(URI.create("https://sso-callbacks.example.com/wb")),
                OidcSettings.callback(
                        Optional.of(URI.create("https://board.example.com/")),
                        Optional.of(URI.create("https://sso-callbacks.example.com/wb"))),
                "the explicit one wins");
        assertEquals(NONE, OidcSettings.callback(NONE, NONE), "${baseURL}: each request's own address");
    }

    @Test
    void theAppsPublicAddressComesFromThePublicUrlOrTheCallback() {
        assertEquals(
                Optional.of(URI.create("https://example.com/whiteboard/")),
                OidcSettings.base(Optional.of(URI.create("https://example.com/whiteboard")), NONE));
        assertEquals(
                Optional.of(URI.create("https://board.example.com/wb/")),
                OidcSettings.base(NONE, Optional.of(URI.create("https://board.example.com/wb/api/session/callback"))));
        assertEquals(
                NONE,
                OidcSettings.base(NONE, Optional.of(URI.create("https://board.example.com/oidc-return"))),
                "a callback elsewhere says nothing about the app's address");
        assertEquals(NONE, OidcSettings.base(NONE, NONE));
    }
}
