package dev.whiteboard.testing;

import java.io.IOException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Prepares the server an in-container (Arquillian) test runs in, for the run's server ({@code
 * -Dwhiteboard.it.server}); registered before {@code ArquillianExtension}, which reads its configuration when it
 * starts the container. Payara Micro needs nothing here (its adapter takes the jar and the post-boot file from the
 * environment Failsafe sets); WildFly is prepared by {@link WildFlyRuntime#configureArquillian()}. The test's
 * archive must carry this class (the annotation is read inside the server too, where it does nothing).
 */
public final class InContainer implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if ("wildfly".equals(System.getProperty("whiteboard.it.server"))) {
            WildFlyRuntime.configureArquillian();
        }
    }
}
