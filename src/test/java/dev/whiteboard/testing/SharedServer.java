package dev.whiteboard.testing;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import java.net.URI;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one server the system tests share: started by the first test class that needs it, stopped when the
 * whole test run ends. Test classes say {@code @ExtendWith(SharedServer.class)} and call {@link #baseUri()}.
 */
public final class SharedServer implements BeforeAllCallback {

    /** The hub's keep-alive interval on the shared server: short, so that vanished clients are noticed quickly. */
    public static final int KEEP_ALIVE_SECONDS = 2;

    /** The browser origin the shared server's hub lets in (besides localhost); others are refused (F14). */
    public static final String ALLOWED_ORIGIN = "https://board.intranet.example";

    private static final Object LOCK = new Object();
    private static TestServer server;
    private static UpstreamReceiver upstream;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (LOCK) {
            if (server == null) {
                UpstreamReceiver receiver = new UpstreamReceiver();
                TestServer started = TestServer.onConfiguredDatabase("shared")
                        .withEnvironment("WHITEBOARD_HUB_EVENT_HANDLER_URL_TEMPLATE", receiver.urlTemplate())
                        .withEnvironment("WHITEBOARD_HUB_KEEP_ALIVE_SECONDS", String.valueOf(KEEP_ALIVE_SECONDS))
                        .withEnvironment("WHITEBOARD_HUB_ALLOWED_ORIGINS", ALLOWED_ORIGIN + ", http://localhost")
                        .startFresh();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SharedServer.class, (AutoCloseable)
                        () -> {
                            synchronized (LOCK) {
                                started.stop();
                                receiver.close();
                                server = null;
                                upstream = null;
                            }
                        });
                server = started;
                upstream = receiver;
            }
        }
    }

    /** The event handler the shared server's hub calls. */
    public static UpstreamReceiver upstream() {
        synchronized (LOCK) {
            if (upstream == null) {
                throw new IllegalStateException(
                        "the shared server runs for classes with @ExtendWith(SharedServer.class)");
            }
            return upstream;
        }
    }

    /** The official SDK's service client for {@code hub} on the shared server's built-in hub. */
    public static WebPubSubServiceClient hubClient(String hub) {
        return server().hubClient(hub);
    }

    /** The connection string of the shared server's built-in hub, for the official SDKs. */
    public static String hubConnectionString() {
        return server().hubConnectionString();
    }

    public static URI baseUri() {
        return server().baseUri();
    }

    private static TestServer server() {
        synchronized (LOCK) {
            if (server == null) {
                throw new IllegalStateException(
                        "the shared server runs for classes with @ExtendWith(SharedServer.class)");
            }
            return server;
        }
    }
}
