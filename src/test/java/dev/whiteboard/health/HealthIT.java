package dev.whiteboard.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.SharedServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertEquals(latestMigration(), health.getString("schema"));
        assertFalse(health.containsKey("problem"));
        assertTrue(reply.header("Cache-Control").contains("no-store"), reply.header("Cache-Control"));
        assertEquals(200, http.send("HEAD", "api/health", null, null).status());
    }

    /** The version of the newest migration in the source tree (V<n>__…sql), which a fresh server must be at. */
    private static String latestMigration() {
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return String.valueOf(files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max()
                    .orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
