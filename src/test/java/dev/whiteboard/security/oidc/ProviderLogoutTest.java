package dev.whiteboard.security.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderLogoutTest {

    private static final URI SIGN_IN = URI.create("https://board.example.com/signin.html");

    @Test
    void theProvidersEndSessionEndpointGetsTheHintTheClientAndTheWayBack() {
        JsonObject discovery = Json.createObjectBuilder()
                .add("end_session_endpoint", "https://sso.example.com/realms/corp/protocol/openid-connect/logout")
                .build();
        URI url = ProviderLogout.endSessionUrl(discovery, "eyJ.a+b/c=", SIGN_IN, "white board")
                .orElseThrow();
        assertEquals(
                "https://sso.example.com/realms/corp/protocol/openid-connect/logout?id_token_hint=eyJ.a%2Bb%2Fc%3D"
                        + "&post_logout_redirect_uri=https%3A%2F%2Fboard.example.com%2Fsignin.html&client_id=white+board",
                url.toString());
    }

    @Test
    void anEndpointWithAQueryOfItsOwnKeepsIt() {
        JsonObject discovery = Json.createObjectBuilder()
                .add("end_session_endpoint", "https://sso.example.com/logout?p=1")
                .build();
        assertTrue(ProviderLogout.endSessionUrl(discovery, "t", SIGN_IN, "c")
                .orElseThrow()
                .toString()
                .startsWith("https://sso.example.com/logout?p=1&id_token_hint=t&"));
    }

    @Test
    void withoutAnEndSessionEndpointTheAppsSignOutIsAllThereIs() {
        assertEquals(
                Optional.empty(),
                ProviderLogout.endSessionUrl(Json.createObjectBuilder().build(), "t", SIGN_IN, "c"));
        for (JsonObject odd : new JsonObject[] {
            Json.createObjectBuilder().add("end_session_endpoint", "").build(),
            Json.createObjectBuilder().add("end_session_endpoint", 42).build(),
            Json.createObjectBuilder()
                    .add("end_session_endpoint", "/relative/logout")
                    .build(),
            Json.createObjectBuilder()
                    .add("end_session_endpoint", "https://sso example/logout")
                    .build()
        }) {
            assertEquals(Optional.empty(), ProviderLogout.endSessionUrl(odd, "t", SIGN_IN, "c"), odd::toString);
        }
    }
}
