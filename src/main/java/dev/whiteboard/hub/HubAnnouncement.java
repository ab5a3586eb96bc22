package dev.whiteboard.hub;

import dev.whiteboard.hub.access.AccessKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Prints the built-in hub's connection string at start-up, for local tools and the SDKs: the access key is
 * masked unless {@code whiteboard.hub.print-access-key=true}. The port is {@code whiteboard.port} (the run command
 * sets it), the path the application's context path.
 */
@ApplicationScoped
public class HubAnnouncement {

    private static final Logger LOG = Logger.getLogger(HubAnnouncement.class.getName());

    @Inject
    HubSettings settings;

    @Inject
    @ConfigProperty(name = "whiteboard.hub.print-access-key", defaultValue = "false")
    boolean printKey;

    void announce(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        if (!settings.enabled()) {
            LOG.info("The built-in hub is off: the app is configured for Azure Web PubSub");
            return;
        }
        AccessKey key = settings.keys().get(0);
        LOG.log(
                Level.INFO,
                "Built-in Web PubSub hub ready at /client/hubs/'{hub}' and /api/hubs/'{hub}'. Connection string: {0}",
                settings.connectionString(printKey ? key.reveal() : key.masked()));
    }
}
