package dev.whiteboard.testing;

import java.net.URI;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A shared server with the product's own configuration: the built-in hub calls this app's webhook, as on a fresh
 * machine (unlike {@link SharedServer}, whose hub calls a receiver in the test JVM). Only the keep-alive interval is
 * short, so that vanished clients are noticed quickly, and the webhook takes calls from the loopback addresses 127.0.0.1
 * and ::1 only. Started by the first test class that needs it.
 */
public final class AppServer implements BeforeAllCallback {

    private static final Object LOCK = new Object();
    private static TestServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (LOCK) {
            if (server == null) {
                TestServer started = TestServer.onConfiguredDatabase("app")
                        .withEnvironment(
                                "WHITEBOARD_HUB_KEEP_ALIVE_SECONDS", String.valueOf(SharedServer.KEEP_ALIVE_SECONDS))
                        // the hub calls the webhook on localhost: calls from anywhere else are refused (WebhookGuardIT)
                        .withEnvironment("WHITEBOARD_WEBHOOK_ALLOWED_SOURCES", "127.0.0.1, ::1")
                        .startFresh();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(AppServer.class, (AutoCloseable)
                        () -> {
                            synchronized (LOCK) {
                                started.stop();
                                server = null;
                            }
                        });
                server = started;
            }
        }
    }

    public static URI baseUri() {
        return server().baseUri();
    }

    public static TestServer server() {
        synchronized (LOCK) {
            if (server == null) {
                throw new IllegalStateException("the app server runs for classes with @ExtendWith(AppServer.class)");
            }
            return server;
        }
    }
}
