package dev.whiteboard.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.SharedServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class HealthIT {

    @Test
    void aReadyServerReportsUpWithItsSchemaVersion() {
        Http http = new Http(SharedServer.baseUri());
        Http.Reply reply = http.get("api/health");
        assertEquals(200, reply.status(), reply::toString);
        JsonObject health = reply.json();
        assertEquals("UP", health.getString("status"));
        assertEquals("UP", health.getString("database"));
        assertEquals("3", health.getString("schema"));
        assertFalse(health.containsKey("problem"));
        assertTrue(reply.header("Cache-Control").contains("no-store"), reply.header("Cache-Control"));
        assertEquals(200, http.send("HEAD", "api/health", null, null).status());
    }
}
