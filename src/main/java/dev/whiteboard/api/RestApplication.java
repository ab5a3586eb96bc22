package dev.whiteboard.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** Every REST resource of the product is under {@code /api}; resources and mappers are discovered. */
@ApplicationPath("api")
public class RestApplication extends Application {

    /** Jersey (Payara) would otherwise publish an {@code application.wadl}; other runtimes ignore the key. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
