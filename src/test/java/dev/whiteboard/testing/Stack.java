package dev.whiteboard.testing;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The processes a system test class needs around it, started once for the class and stopped after it: an OpenID
 * Connect provider ({@link OidcProvider}), the app ({@link TestServer}) signing in with that provider if there is one,
 * and the nginx gateway ({@link Gateway}) in front of the app, which is then told the gateway's public address. They
 * start in that order (each needs the one before) and stop in the reverse order — also when one of them fails to
 * start, so that no provider, server JVM or nginx outlives a failed class. Registered as a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Stack stack = Stack.create()
 *         .withProvider()
 *         .withServer("gateway-oidc", server -> server.withEnvironment("WHITEBOARD_OIDC_PROVIDER_NAME", "Example Corp"))
 *         .withGateway();
 * }</pre>
 */
public final class Stack implements BeforeAllCallback, AfterAllCallback {

    private boolean wantsProvider;
    private String serverName;
    private UnaryOperator<TestServer> configure = UnaryOperator.identity();
    private boolean wantsGateway;

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private OidcProvider provider;
    private TestServer server;
    private Gateway gateway;

    private Stack() {}

    /** Nothing yet: name the parts with the {@code with…} methods. */
    public static Stack create() {
        return new Stack();
    }

    /** An OpenID Connect provider, started first; the server (if any) signs people in with it. */
    public Stack withProvider() {
        wantsProvider = true;
        return this;
    }

    /** The app on the configured database, in a data folder called {@code name}, fresh for the class. */
    public Stack withServer(String name) {
        return withServer(name, UnaryOperator.identity());
    }

    /**
     * The app as above, with the class's own settings: {@code configure} gets the server already signing in with
     * the provider and knowing the gateway's address (when the stack has them), before it starts.
     */
    public Stack withServer(String name, UnaryOperator<TestServer> configure) {
        this.serverName = name;
        this.configure = configure;
        return this;
    }

    /** nginx with TLS in front of the server, whose public URL ({@code WHITEBOARD_PUBLIC_URL}) it becomes. */
    public Stack withGateway() {
        wantsGateway = true;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /**
     * Starts the parts asked for, in order. If one fails, those already running are stopped (newest first) before
     * the failure is thrown; a part that fails stops its own process ({@link OidcProvider#start()},
     * {@link TestServer#start()}, {@link Gateway#start(int, int)}).
     */
    public void start() {
        if (wantsGateway && serverName == null) {
            throw new IllegalStateException("a gateway needs a server behind it");
        }
        try {
            if (wantsProvider) {
                provider = OidcProvider.start();
                running.push(provider);
            }
            if (serverName != null) {
                TestServer configured = TestServer.onConfiguredDatabase(serverName);
                if (provider != null) {
                    configured = provider.signingInWith(configured);
                }
                int gatewayPort = wantsGateway ? Gateway.choosePort() : 0;
                if (wantsGateway) {
                    configured.withEnvironment("WHITEBOARD_PUBLIC_URL", "https://localhost:" + gatewayPort + "/");
                }
                TestServer ready = configure.apply(configured);
                ready.startFresh();
                server = ready;
                running.push(server);
                if (wantsGateway) {
                    gateway = Gateway.start(gatewayPort, server.baseUri().getPort());
                    running.push(gateway);
                }
            }
        } catch (RuntimeException | Error failed) {
            stopAll(failed);
            throw failed;
        }
    }

    /** Stops whatever is running, newest first; a failure to stop one does not keep the others running. */
    public void stop() {
        RuntimeException failed = new IllegalStateException("could not stop every part of the stack");
        stopAll(failed);
        if (failed.getSuppressed().length > 0) {
            throw failed;
        }
    }

    private void stopAll(Throwable failures) {
        while (!running.isEmpty()) {
            AutoCloseable part = running.pop();
            try {
                part.close();
            } catch (Exception e) {
                failures.addSuppressed(e);
            }
        }
        provider = null;
        server = null;
        gateway = null;
    }

    public OidcProvider provider() {
        return require(provider, "provider");
    }

    public TestServer server() {
        return require(server, "server");
    }

    public Gateway gateway() {
        return require(gateway, "gateway");
    }

    /** Where users reach the app: the gateway's address if there is one, else the server's. */
    public URI publicUri() {
        return gateway != null ? gateway.baseUri() : server().baseUri();
    }

    private static <T> T require(T part, String name) {
        if (part == null) {
            throw new IllegalStateException("the stack has no running " + name + " (not asked for, or not started)");
        }
        return part;
    }
}
