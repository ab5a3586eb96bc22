package dev.whiteboard.testing;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One server process running the built WAR at the context root, configured only from {@code server-config/}:
 * Payara Micro the way the run command starts it (the default), or WildFly ({@code mvn verify -Pwildfly}; see
 * {@link ServerRuntime}). H2 in a data folder of its own or the PostgreSQL database named by {@code -Dit.db.url}.
 * Used by the system tests, and by tests that stop, kill and restart a server.
 */
public final class TestServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    /** The built-in hub's access key on every test server: 44 random characters, new for each test run. */
    public static final String HUB_ACCESS_KEY = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));

    private final String name;
    private final Path dataDir;
    private final DatabaseConfig database;
    private final Path log;
    private final ServerRuntime runtime = ServerRuntime.configured();
    private int port;
    private Process process;
    private ServerRuntime.DeploymentCheck deploymentCheck;
    private long logOffset;
    private final Map<String, String> environment = new HashMap<>();
    private String contextRoot = "/";
    private TcpProxy hubPath;

    private TestServer(String name, DatabaseConfig database) {
        this.name = name;
        this.database = database;
        Path work = Path.of(property("whiteboard.it.work-dir"));
        this.dataDir = work.resolve(name + "-data");
        this.log = work.resolve(name + ".log");
        // A test run that is interrupted (Ctrl-C) takes its servers with it: WildFly's JVM would outlive its script.
        Runtime.getRuntime().addShutdownHook(new Thread(this::kill, name + "-killer"));
    }

    /** A server on the database the test run was given (H2 in a fresh folder of its own by default). */
    public static TestServer onConfiguredDatabase(String name) {
        return new TestServer(name, DatabaseConfig.fromSystemProperties());
    }

    /**
     * A server whose database no other test server shares: H2 in a folder of its own (as always), or with PostgreSQL a
     * schema of its own ({@code <configured schema>_<name>}, made afresh). For tests whose state is meant to be shared
     * by every node (the sign-in counts) and would otherwise reach the other servers of a PostgreSQL pass.
     */
    public static TestServer onOwnDatabase(String name) {
        DatabaseConfig configured = DatabaseConfig.fromSystemProperties();
        if (configured.embedded()) {
            return onConfiguredDatabase(name);
        }
        Matcher schema = Pattern.compile("currentSchema=([A-Za-z0-9_]+)").matcher(configured.url());
        String base = schema.find() ? schema.group(1) : "public";
        String own = (base + "_" + name).replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(Locale.ROOT);
        try (Connection connection =
                        DriverManager.getConnection(configured.url(), configured.user(), configured.password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + own + " CASCADE");
            statement.execute("CREATE SCHEMA " + own);
        } catch (SQLException e) {
            throw new IllegalStateException("could not make the schema " + own, e);
        }
        String url = schema.find(0)
                ? schema.replaceFirst("currentSchema=" + own)
                : configured.url() + (configured.url().contains("?") ? "&" : "?") + "currentSchema=" + own;
        return new TestServer(name, new DatabaseConfig(url, configured.user(), configured.password()));
    }

    /** A server on the given PostgreSQL database. */
    public static TestServer onPostgreSql(String name, DatabaseConfig database) {
        if (database.embedded()) {
            throw new IllegalArgumentException("a PostgreSQL JDBC URL is needed");
        }
        return new TestServer(name, database);
    }

    /** Deploys the WAR under {@code contextRoot} (e.g. {@code /wb}) instead of the root, from the next start on. */
    public TestServer withContextRoot(String root) {
        contextRoot = root;
        return this;
    }

    /** Sets an environment variable of the server process (configuration), from the next start on. */
    public TestServer withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /**
     * Sends the app's REST calls to its own built-in hub through a {@link TcpProxy} that a test can cut and restore (the
     * SDK's reverse-proxy endpoint, {@code whiteboard.webpubsub.reverse-proxy-endpoint}), from the next start on;
     * the clients still reach the hub directly. Returns the proxy: it follows the server to its port at every start.
     */
    public TcpProxy withHubCallsThroughProxy() {
        if (hubPath == null) {
            hubPath = new TcpProxy();
            withEnvironment("WHITEBOARD_WEBPUBSUB_REVERSE_PROXY_ENDPOINT", "http://127.0.0.1:" + hubPath.port());
        }
        return hubPath;
    }

    /** Starts the server with a fresh data folder and waits until {@code /api/health} answers 200. */
    public TestServer startFresh() {
        deleteRecursively(dataDir);
        runtime.forget(name);
        return start();
    }

    /** Starts (again) on the same data folder, and waits until {@code /api/health} answers 200. */
    public TestServer start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        try {
            Files.createDirectories(dataDir);
            port = freePort();
            if (hubPath != null) {
                hubPath.forwardTo("127.0.0.1", port);
            }
            ServerRuntime.Launch launch = runtime.launch(name, port, contextRoot, database);
            deploymentCheck = launch.failed();
            ProcessBuilder builder = new ProcessBuilder(launch.command())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = builder.environment();
            env.putAll(launch.environment());
            env.put("WHITEBOARD_PORT", String.valueOf(port));
            env.put("WHITEBOARD_DATA_DIR", dataDir.toAbsolutePath().toString());
            env.put("WHITEBOARD_DB_URL", database.url());
            env.put("WHITEBOARD_DB_USER", database.user());
            env.put("WHITEBOARD_DB_PASSWORD", database.password());
            env.put("WHITEBOARD_HUB_ACCESS_KEY", HUB_ACCESS_KEY);
            env.putAll(environment);
            Files.writeString(
                    log,
                    "=== start " + Instant.now() + " on port " + port + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            logOffset = Files.size(log);
            process = builder.start();
            awaitHealthy();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port + (contextRoot.equals("/") ? "/" : contextRoot + "/"));
    }

    /** The connection string the official SDKs use to reach this server's built-in hub (with its path). */
    public String hubConnectionString() {
        String path = contextRoot.equals("/") ? "" : contextRoot;
        return "Endpoint=http://localhost" + path + ";Port=" + port + ";AccessKey=" + HUB_ACCESS_KEY + ";Version=1.0;";
    }

    /**
     * The official SDK's service client for {@code hub} on this server. Its JDK transport is kept to HTTP/1.1: with
     * the JDK client's default (an h2c upgrade attempt) a request to Payara Micro was seen to stall until the SDK
     * retried it, which delivered a message twice.
     */
    public WebPubSubServiceClient hubClient(String hub) {
        return new WebPubSubServiceClientBuilder()
                .connectionString(hubConnectionString())
                .hub(hub)
                .httpClient(
                        new JdkHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)).build())
                .buildClient();
    }

    /** Stops the server the way Ctrl-C or a service manager does (SIGTERM to its JVM), and waits for it. */
    public void stop() {
        if (process == null) {
            return;
        }
        runtime.jvms(process).forEach(ProcessHandle::destroy);
        awaitExit(Duration.ofSeconds(60));
    }

    /** Kills the server's JVM without warning ({@code kill -9}). */
    public void kill() {
        if (process == null) {
            return;
        }
        runtime.jvms(process).forEach(ProcessHandle::destroyForcibly);
        awaitExit(Duration.ofSeconds(30));
    }

    public Path log() {
        return log;
    }

    /** The database this server runs on. */
    public DatabaseConfig database() {
        return database;
    }

    @Override
    public void close() {
        stop();
        if (hubPath != null) {
            hubPath.close();
        }
    }

    private void awaitExit(Duration timeout) {
        List<ProcessHandle> jvms = runtime.jvms(process);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                jvms.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(30, TimeUnit.SECONDS);
            }
            for (ProcessHandle jvm : jvms) {
                // The port and the database file are free only once the JVM itself is gone.
                jvm.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            jvms.forEach(ProcessHandle::destroyForcibly);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process = null;
        }
    }

    private void awaitHealthy() {
        // HTTP/1.1: the JDK client's default h2c upgrade was seen to stall against a starting Payara Micro, and then
        // every later probe on that client stalled too, until the start timed out (see hubClient below)
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        HttpRequest health = HttpRequest.newBuilder(baseUri().resolve("api/health"))
                .timeout(Duration.ofSeconds(10))
                .build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        int last = -1;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log:\n" + logTail());
            }
            if (deploymentFailed()) {
                kill();
                throw new IllegalStateException(name + " could not deploy the WAR; log:\n" + logTail());
            }
            try {
                last = client.send(health, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (last == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            Eventually.pause();
        }
        kill();
        throw new IllegalStateException(name + " did not become ready in " + START_TIMEOUT.toSeconds()
                + " s (last health status " + last + "); log:\n" + logTail());
    }

    private boolean deploymentFailed() {
        try {
            String sinceStart = Files.readString(log, StandardCharsets.ISO_8859_1);
            return deploymentCheck.failed(sinceStart.substring((int) Math.min(logOffset, sinceStart.length())));
        } catch (IOException e) {
            return false;
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static String property(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + key + " is not set: run the integration tests"
                    + " through Maven (mvn verify), which sets it");
        }
        return value;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
