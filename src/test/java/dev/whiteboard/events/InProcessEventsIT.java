package dev.whiteboard.events;

import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.TestServer;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The event path's guarantees as the product runs by default: the built-in hub hands user events to this app's webhook
 * in-process and the app announces changes to the hub in-process.
 */
@ExtendWith(AppServer.class)
class InProcessEventsIT extends EventPathContract {

    @Override
    TestServer server() {
        return AppServer.server();
    }

    @Override
    boolean inProcess() {
        return true;
    }
}
