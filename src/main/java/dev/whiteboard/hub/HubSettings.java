package dev.whiteboard.hub;

import dev.whiteboard.hub.access.AccessKey;
import dev.whiteboard.hub.access.TokenVerifier;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The built-in hub's configuration (MicroProfile Config; environment variables override, e.g.
 * {@code WHITEBOARD_HUB_ACCESS_KEY}). Without a configured access key, one is generated once and kept in
 * {@code <data-dir>/hub-access-key}, so tokens stay valid across restarts.
 */
@ApplicationScoped
public class HubSettings {

    private static final Logger LOG = Logger.getLogger(HubSettings.class.getName());
    static final String KEY_FILE = "hub-access-key";

    @Inject
    @ConfigProperty(name = "whiteboard.hub.enabled")
    Optional<Boolean> enabled;

    @Inject
    @ConfigProperty(name = "whiteboard.webpubsub.connection-string")
    Optional<String> connectionString;

    @Inject
    @ConfigProperty(name = "whiteboard.hub.access-key")
    Optional<String> accessKey;

    @Inject
    @ConfigProperty(name = "whiteboard.hub.secondary-access-key")
    Optional<String> secondaryAccessKey;

    @Inject
    @ConfigProperty(name = "whiteboard.data-dir", defaultValue = "./data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "whiteboard.hub.allowed-origins")
    Optional<String> allowedOrigins;

    @Inject
    @ConfigProperty(name = "whiteboard.hub.keep-alive-seconds", defaultValue = "20")
    int keepAliveSeconds;

    @Inject
    @ConfigProperty(name = "whiteboard.hub.event-handler.url-template")
    Optional<String> eventHandlerUrlTemplate;

    @Inject
    @ConfigProperty(name = "whiteboard.hub.event-handler.user-events", defaultValue = "*")
    String userEvents;

    @Inject
    @ConfigProperty(
            name = "whiteboard.hub.event-handler.system-events",
            defaultValue = "connect,connected,disconnected")
    String systemEvents;

    @Inject
    @ConfigProperty(name = "whiteboard.hub.event-handler.in-process", defaultValue = "true")
    boolean inProcessEvents;

    @Inject
    @ConfigProperty(name = "whiteboard.hub.origin", defaultValue = "localhost")
    String origin;

    @Inject
    @ConfigProperty(name = "whiteboard.hub.max-frames-per-second", defaultValue = "200")
    int maxFramesPerSecond;

    @Inject
    @ConfigProperty(name = "whiteboard.webpubsub.hub", defaultValue = "whiteboard")
    String appHub;

    @Inject
    @ConfigProperty(name = "whiteboard.port", defaultValue = "8080")
    int port;

    private volatile String contextPath = "";

    /** The app's context path, known once the web application has started (before anything else observes it). */
    void started(
            @Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) @Initialized(ApplicationScoped.class)
                    ServletContext context) {
        contextPath = context.getContextPath();
    }

    /** The comma-separated settings, read once: they are consulted for every handshake and every event. */
    private Set<String> origins;

    private Set<String> handledSystemEvents;
    private Set<String> handledUserEvents;

    private volatile List<AccessKey> keys;
    private volatile TokenVerifier verifier;

    @PostConstruct
    void readLists() {
        origins = lowerCaseSet(allowedOrigins.orElse(""));
        handledSystemEvents = lowerCaseSet(systemEvents);
        handledUserEvents = lowerCaseSet(userEvents);
    }

    private static Set<String> lowerCaseSet(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(","))
                .map(e -> e.strip().toLowerCase(Locale.ROOT))
                .filter(e -> !e.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** On unless switched off, or unless the app is configured for an Azure Web PubSub service. */
    public boolean enabled() {
        return enabled.orElse(connectionString.filter(s -> !s.isBlank()).isEmpty());
    }

    /** The primary key first, then the secondary one if configured. */
    public List<AccessKey> keys() {
        List<AccessKey> known = keys;
        if (known == null) {
            synchronized (this) {
                if (keys == null) {
                    List<AccessKey> loaded = new ArrayList<>();
                    loaded.add(accessKey
                            .filter(k -> !k.isBlank())
                            .map(AccessKey::of)
                            .orElseGet(this::storedKey));
                    secondaryAccessKey
                            .filter(k -> !k.isBlank())
                            .map(AccessKey::of)
                            .ifPresent(loaded::add);
                    keys = List.copyOf(loaded);
                }
                known = keys;
            }
        }
        return known;
    }

    /** Verifies client access tokens against the access keys. */
    public TokenVerifier verifier() {
        TokenVerifier known = verifier;
        if (known == null) {
            known = new TokenVerifier(keys(), Clock.systemUTC());
            verifier = known;
        }
        return known;
    }

    /**
     * Whether a browser page from {@code origin} may open a connection: any origin when no list is configured
     * (clients authenticate with their token), otherwise only the listed ones, comma-separated, e.g.
     * {@code https://board.intranet.example} ({@code *} allows all).
     */
    public boolean allowsOrigin(String origin) {
        if (origins.isEmpty() || origins.contains("*")) {
            return true;
        }
        if (origin == null || origin.isBlank()) {
            return true; // not a browser: nothing for an origin policy to protect
        }
        return origins.contains(origin.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The event handler's URL template for the hub ({@code {hub}} and {@code {event}} are filled in): the configured
     * one for every hub; without one, this app's own webhook for the app's hub ({@code whiteboard.webpubsub.hub}),
     * and none for other hubs.
     */
    public Optional<String> eventHandlerUrlTemplate(String hub) {
        Optional<String> configured = eventHandlerUrlTemplate.map(String::strip).filter(t -> !t.isEmpty());
        if (configured.isPresent()) {
            return configured;
        }
        return normalise(hub).equals(normalise(appHub))
                ? Optional.of(localBaseUrl() + "/eventhandler")
                : Optional.empty();
    }

    /** Whether the hub's event handler takes the system event ({@code connect}, {@code connected}, {@code disconnected}). */
    public boolean handlesSystemEvent(String hub, String event) {
        return eventHandlerUrlTemplate(hub).isPresent() && handledSystemEvents.contains(event.toLowerCase(Locale.ROOT));
    }

    /** Whether the hub's event handler takes the user event: {@code *}, or one of a comma-separated list of names. */
    public boolean handlesUserEvent(String hub, String event) {
        return eventHandlerUrlTemplate(hub).isPresent()
                && (handledUserEvents.contains("*") || handledUserEvents.contains(event.toLowerCase(Locale.ROOT)));
    }

    /**
     * Whether user events may be handed in-process to an event handler of this same server whose URL the hub would
     * call ({@code whiteboard.hub.event-handler.in-process}, on by default): it is used only when the handler URL is
     * that handler's path on this server ({@link #pathOnThisServer}); any other URL is called over HTTP regardless.
     */
    public boolean inProcessEvents() {
        return inProcessEvents;
    }

    /**
     * Whether {@code target} is an address of this server: {@code http} to {@code localhost}, {@code 127.0.0.1} or
     * {@code [::1]} on {@code whiteboard.port}, under the app's context path. Gives the path below the context path,
     * or empty when the URL is not this server's.
     */
    public Optional<String> pathOnThisServer(URI target) {
        if (!"http".equalsIgnoreCase(target.getScheme()) || target.getPort() != port || target.getHost() == null) {
            return Optional.empty();
        }
        String host = target.getHost().toLowerCase(Locale.ROOT);
        if (!host.equals("localhost") && !host.equals("127.0.0.1") && !host.equals("[::1]")) {
            return Optional.empty();
        }
        String path = target.getPath() == null ? "" : target.getPath();
        if (!path.startsWith(contextPath + "/")) {
            return Optional.empty();
        }
        return Optional.of(path.substring(contextPath.length()));
    }

    /**
     * Where this app answers on the local machine: {@code http://localhost:<whiteboard.port><context path>}. The
     * port is the one the run command gives the server ({@code WHITEBOARD_PORT}); set {@code whiteboard.port} where
     * the server listens elsewhere.
     */
    public String localBaseUrl() {
        return "http://localhost:" + port + contextPath;
    }

    /**
     * The issuer of the tokens the hub sends with its event handler calls: the hub's endpoint, as in its connection
     * string. The webhook of this app expects it.
     */
    public String tokenIssuer() {
        return localBaseUrl();
    }

    /** The connection string the official SDKs use for the built-in hub, with the given key (or a masked one). */
    public String connectionString(String key) {
        return "Endpoint=http://localhost" + contextPath + ";Port=" + port + ";AccessKey=" + key + ";Version=1.0;";
    }

    /** The host name the hub names itself by in {@code WebHook-Request-Origin}. */
    public String origin() {
        return origin;
    }

    /** How many frames one connection may send per second, sustained (twice that in a burst). */
    public int maxFramesPerSecond() {
        return Math.max(1, maxFramesPerSecond);
    }

    public Duration keepAlive() {
        return Duration.ofSeconds(Math.max(1, Math.min(120, keepAliveSeconds)));
    }

    private AccessKey storedKey() {
        Path file = Path.of(dataDir).resolve(KEY_FILE);
        try {
            if (Files.exists(file)) {
                return AccessKey.of(
                        Files.readString(file, StandardCharsets.UTF_8).strip());
            }
            Files.createDirectories(file.getParent());
            AccessKey generated = AccessKey.generate();
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                return AccessKey.of(
                        Files.readString(file, StandardCharsets.UTF_8).strip());
            }
            Files.writeString(file, generated.reveal(), StandardCharsets.UTF_8);
            LOG.log(Level.INFO, "Generated the built-in hub''s access key in {0}", file.toAbsolutePath());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or keep the hub's access key in " + file.toAbsolutePath(), e);
        }
    }

    /** Hub names are told apart case-insensitively, as the service does: the one spelling kept. */
    public static String normalise(String hub) {
        return hub.toLowerCase(Locale.ROOT);
    }
}
