package dev.whiteboard.health;

import dev.whiteboard.database.SchemaMigrations;
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

    public HealthReport report() {
        String problem = databaseProblem();
        return new HealthReport(
                problem == null ? "UP" : "DOWN",
                problem == null ? "UP" : "DOWN",
                migrations.version(),
                problem == null ? null : "database: " + problem);
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
