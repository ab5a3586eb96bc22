package dev.whiteboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * WildFly, unpacked by Maven's {@code wildfly} profile into {@code target/} ({@code -Dwhiteboard.it.wildfly-home}),
 * configured by the deployment recipe: the CLI scripts of {@code server-config/wildfly/} run offline on a stock
 * {@code standalone.xml} ({@code eclipselink.cli}, {@code whiteboard.cli}, plus {@code postgresql.cli} for
 * PostgreSQL). The scripts run
 * once per test run and database kind, into a template; every server gets its own copy of that configuration as
 * its own server folder ({@code jboss.server.base.dir}: data, logs, deployments), so several run side by side. The
 * WAR is deployed by the deployment scanner as {@code ROOT.war} (context root {@code /}) or {@code <path>.war}.
 * Every port is a free one (HTTP, HTTPS, management, AJP), so other WildFly servers on the machine do not matter.
 */
final class WildFlyRuntime implements ServerRuntime {

    /** The templates made by this test run (one per database kind): never one left by an earlier run. */
    private static final Set<Path> TEMPLATES = new HashSet<>();

    private final Path home = Path.of(TestServer.property("whiteboard.it.wildfly-home"));
    private final Path work = Path.of(TestServer.property("whiteboard.it.work-dir"));
    private final Path scripts = Path.of(TestServer.property("whiteboard.it.server-config"), "wildfly");

    @Override
    public Launch launch(String name, int port, String contextRoot, DatabaseConfig database) throws IOException {
        Path base = work.resolve(name + "-wildfly");
        Path configuration = template(database).resolve("configuration");
        deleteRecursively(base.resolve("configuration"));
        copyRecursively(configuration, base.resolve("configuration"));
        Path deployments = base.resolve("deployments");
        deleteRecursively(deployments);
        Files.createDirectories(deployments);
        String warName =
                contextRoot.equals("/") ? "ROOT.war" : contextRoot.substring(1).replace('/', '#') + ".war";
        Files.copy(
                Path.of(TestServer.property("whiteboard.it.war")),
                deployments.resolve(warName),
                StandardCopyOption.REPLACE_EXISTING);
        Path failedMarker = deployments.resolve(warName + ".failed");
        List<String> command = List.of(
                home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base.toAbsolutePath(),
                "-b",
                "127.0.0.1",
                "-Djboss.http.port=" + port,
                "-Djboss.https.port=" + freePort(),
                "-Djboss.management.http.port=" + freePort(),
                "-Djboss.management.https.port=" + freePort(),
                "-Djboss.ajp.port=" + freePort());
        Map<String, String> environment = Map.of(
                "JAVA_HOME",
                ServerRuntime.javaHome().toString(),
                // standalone.sh then forwards SIGTERM to the JVM and waits for it.
                "LAUNCH_JBOSS_IN_BACKGROUND",
                "1");
        return new Launch(command, environment, log -> Files.exists(failedMarker));
    }

    @Override
    public void forget(String name) {
        deleteRecursively(work.resolve(name + "-wildfly"));
    }

    /** standalone.sh forks the JVM: signals go to it, not (only) to the script. */
    @Override
    public List<ProcessHandle> jvms(Process launched) {
        List<ProcessHandle> handles = new ArrayList<>(launched.descendants().toList());
        handles.add(launched.toHandle());
        return handles;
    }

    /** The configuration the CLI scripts made of a stock standalone.xml, for this run's database kind. */
    private Path template(DatabaseConfig database) throws IOException {
        synchronized (TEMPLATES) {
            Path template = work.resolve("wildfly-config-" + (database.embedded() ? "h2" : "postgresql"));
            if (TEMPLATES.contains(template)) {
                return template;
            }
            deleteRecursively(template);
            copyRecursively(home.resolve("standalone/configuration"), template.resolve("configuration"));
            cli(
                    template,
                    scripts.resolve("eclipselink.cli"),
                    "-Dwhiteboard.eclipselink.jar=" + TestServer.property("whiteboard.it.eclipselink"),
                    "-Dwhiteboard.eclipselink.integration=" + eclipseLinkIntegration());
            cli(template, scripts.resolve("whiteboard.cli"));
            if (!database.embedded()) {
                cli(
                        template,
                        scripts.resolve("postgresql.cli"),
                        "-Dwhiteboard.postgresql.driver=" + TestServer.property("whiteboard.it.postgresql-driver"));
            }
            TEMPLATES.add(template);
            return template;
        }
    }

    /** WildFly's own EclipseLink integration jar (its name carries WildFly's version). */
    private Path eclipseLinkIntegration() throws IOException {
        Path module = home.resolve("modules/system/layers/base/org/eclipse/persistence/main");
        try (var jars = Files.list(module)) {
            return jars.filter(p -> p.getFileName().toString().startsWith("jipijapa-eclipselink"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no jipijapa-eclipselink jar in " + module));
        }
    }

    /**
     * A server folder for an Arquillian-managed WildFly ({@code jboss.server.base.dir}): the H2 configuration made
     * by the scripts, and nothing deployed (Arquillian deploys the test's archive itself).
     */
    Path arquillianBase() throws IOException {
        Path base = work.resolve("arquillian-wildfly");
        deleteRecursively(base);
        copyRecursively(
                template(new DatabaseConfig("", "", "")).resolve("configuration"), base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        return base;
    }

    private static final String ARQUILLIAN = "arq.container.server.configuration.";

    /**
     * Settings of WildFly's managed Arquillian adapter (Arquillian's system properties {@code
     * arq.container.server.configuration.*}, read when it starts the container): a server folder configured by
     * {@code server-config/wildfly/} on the H2 default in {@code $WHITEBOARD_DATA_DIR}, free ports by an offset.
     */
    static void configureArquillian() throws IOException {
        if (System.getProperty(ARQUILLIAN + "jbossHome") != null) {
            return;
        }
        WildFlyRuntime wildfly = new WildFlyRuntime();
        int offset = freeOffset();
        System.setProperty(ARQUILLIAN + "jbossHome", wildfly.home.toString());
        System.setProperty(ARQUILLIAN + "javaHome", ServerRuntime.javaHome().toString());
        System.setProperty(
                ARQUILLIAN + "javaVmArguments",
                "-Xmx768m -Djboss.server.base.dir=" + wildfly.arquillianBase().toAbsolutePath());
        System.setProperty(ARQUILLIAN + "jbossArguments", "-b 127.0.0.1 -Djboss.socket.binding.port-offset=" + offset);
        System.setProperty(ARQUILLIAN + "managementAddress", "127.0.0.1");
        System.setProperty(ARQUILLIAN + "managementPort", String.valueOf(9990 + offset));
        System.setProperty(ARQUILLIAN + "startupTimeoutInSeconds", "240");
    }

    /** An offset at which WildFly's default ports (8080, 8443, 9990, 9993, 8009) are all free now. */
    private static int freeOffset() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int offset = 20_000 + ThreadLocalRandom.current().nextInt(20_000);
            if (free(8080 + offset)
                    && free(8443 + offset)
                    && free(9990 + offset)
                    && free(9993 + offset)
                    && free(8009 + offset)) {
                return offset;
            }
        }
        throw new IOException("no free port offset for WildFly");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void cli(Path base, Path script, String... properties) throws IOException {
        List<String> command =
                new ArrayList<>(List.of(home.resolve("bin/jboss-cli.sh").toString()));
        command.addAll(List.of(properties));
        command.add("--file=" + script);
        Path log = work.resolve("wildfly-cli.log");
        Files.createDirectories(work);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", ServerRuntime.javaHome().toString());
        builder.environment().put("JAVA_OPTS", "-Djboss.server.base.dir=" + base.toAbsolutePath());
        Process cli = builder.start();
        try {
            if (!cli.waitFor(120, TimeUnit.SECONDS)) {
                cli.destroyForcibly();
                throw new IllegalStateException(script + " did not finish in 120 s; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
        if (cli.exitValue() != 0) {
            throw new IllegalStateException(script + " failed (" + cli.exitValue() + "):\n" + Files.readString(log));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
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
