package dev.whiteboard.events;

import dev.whiteboard.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The event path's guarantees with both in-process paths switched off: the built-in hub POSTs each user event to this
 * app's webhook as a signed CloudEvent with its token, and the app announces through the SDK's REST calls (as with
 * Azure Web PubSub).
 */
class HttpEventsIT extends EventPathContract {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.onOwnDatabase("httpevents")
                .withEnvironment("WHITEBOARD_HUB_EVENT_HANDLER_IN_PROCESS", "false")
                .withEnvironment("WHITEBOARD_WEBPUBSUB_IN_PROCESS", "false")
                .startFresh();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    TestServer server() {
        return server;
    }

    @Override
    boolean inProcess() {
        return false;
    }
}
