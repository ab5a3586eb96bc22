package dev.whiteboard.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Payara Micro from its jar, the way the run command starts it: the post-boot file of {@code server-config/payara-micro/}. */
final class PayaraMicroRuntime implements ServerRuntime {

    @Override
    public Launch launch(String name, int port, String contextRoot, DatabaseConfig database) {
        Path postBoot = Path.of(
                TestServer.property("whiteboard.it.server-config"),
                "payara-micro",
                database.embedded() ? "postboot-h2.asadmin" : "postboot-postgresql.asadmin");
        List<String> command = List.of(
                ServerRuntime.javaHome().resolve("bin/java").toString(),
                "-Xmx512m",
                "-jar",
                TestServer.property("whiteboard.it.payara-micro"),
                "--nocluster",
                "--port",
                String.valueOf(port),
                "--addlibs",
                TestServer.property("whiteboard.it.postgresql-driver"),
                "--postbootcommandfile",
                postBoot.toString(),
                "--deploy",
                TestServer.property("whiteboard.it.war"),
                "--contextroot",
                contextRoot);
        return new Launch(command, Map.of(), log -> log.contains("Exception while loading the app"));
    }
}
