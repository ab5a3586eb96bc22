package dev.whiteboard.health;

import dev.whiteboard.database.SchemaMigrations;
import dev.whiteboard.runtime.cluster.ClusterNode;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Asks each dependency whether it is usable now. Cheap enough for a probe every few seconds. */
@ApplicationScoped
public class HealthCheck {

    private static final int DATABASE_TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    SchemaMigrations migrations;

    @Inject
    ClusterNode cluster;

    public HealthReport report() {
        String problem = databaseProblem();
        String clusterState = null;
        String clusterProblem = null;
        if (cluster.enabled()) {
            clusterState = cluster.up() ? "UP" : "DOWN";
            clusterProblem = cluster.problem()
                    .map(p -> "cluster: Redis cannot be reached: " + p)
                    .orElse(null);
        }
        String problems = problem == null ? clusterProblem : "database: " + problem;
        if (problem != null && clusterProblem != null) {
            problems += "; " + clusterProblem;
        }
        return new HealthReport(
                problem == null ? "UP" : "DOWN",
                problem == null ? "UP" : "DOWN",
                migrations.version(),
                problems,
                clusterState,
                cluster.enabled() ? cluster.nodeId() : null);
    }

    private String databaseProblem() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(DATABASE_TIMEOUT_SECONDS) ? null : "the connection is not valid";
        } catch (SQLException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return message.lines().findFirst().orElse("").strip();
        }
    }
}
