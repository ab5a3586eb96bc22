package dev.whiteboard.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The application server a {@link TestServer} runs the built WAR on, chosen for the whole test run by
 * {@code -Dwhiteboard.it.server} ({@code payara-micro}, the default, or {@code wildfly}; Maven's {@code wildfly}
 * profile sets it). Each runtime is configured only from {@code server-config/}, the way the README tells people to.
 */
interface ServerRuntime {

    static ServerRuntime configured() {
        String server = System.getProperty("whiteboard.it.server", "payara-micro");
        return switch (server) {
            case "payara-micro", "" -> new PayaraMicroRuntime();
            case "wildfly" -> new WildFlyRuntime();
            default ->
                throw new IllegalStateException("unknown whiteboard.it.server " + server + ": payara-micro or wildfly");
        };
    }

    /** The launch of one server: what to run, on which port, deploying the WAR at {@code contextRoot}. */
    Launch launch(String name, int port, String contextRoot, DatabaseConfig database) throws IOException;

    /** One prepared start: the command, the environment it needs besides the app's own, and how to tell it failed. */
    record Launch(List<String> command, Map<String, String> environment, DeploymentCheck failed) {}

    /** Whether the deployment failed, judged from the server's output since this start (or its own markers). */
    @FunctionalInterface
    interface DeploymentCheck {
        boolean failed(String logSinceStart);
    }

    /** Forgets what an earlier run of the server named {@code name} left (before a fresh start). */
    default void forget(String name) {}

    /** The JVM of the server: the launched process itself, or the {@code java} a start script forked. */
    default List<ProcessHandle> jvms(Process launched) {
        return List.of(launched.toHandle());
    }

    static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }
}
