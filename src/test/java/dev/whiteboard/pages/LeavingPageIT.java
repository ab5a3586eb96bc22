package dev.whiteboard.pages;

import static dev.whiteboard.pages.BoardPages.newBoard;
import static dev.whiteboard.pages.BoardPages.onBoard;

import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.Browser;
import dev.whiteboard.testing.Eventually;
import dev.whiteboard.testing.Http;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A person who leaves the board page (here: to the boards list) leaves the board's presence at once: the page closes
 * its reliable connection with a close frame, which ends it, rather than leaving it to wait 30 s for a recovery.
 */
@ExtendWith(AppServer.class)
class LeavingPageIT {

    @Test
    void leavingTheBoardPageLeavesThePresenceAtOnce() {
        Http alice = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(alice, "Left");
        try (Browser bob = onBoard("bob", board)) {
            Eventually.until("bob present", Duration.ofSeconds(10), () -> people(alice, board), p -> p.contains("bob"));
            bob.open("");
            Eventually.until(
                    "bob gone from the presence well before a recovery window of 30 s",
                    Duration.ofSeconds(10),
                    () -> people(alice, board),
                    p -> !p.contains("bob"));
        }
    }

    private static Set<String> people(Http http, String board) {
        return http.get("api/boards/" + board + "/presence").array().stream()
                .map(JsonValue::asJsonObject)
                .map(p -> p.getString("user"))
                .collect(Collectors.toSet());
    }
}
