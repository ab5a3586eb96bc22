package dev.whiteboard.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date at start-up with Flyway. If the database cannot be reached, start-up goes on
 * (the health check reports 503) and the migration is retried with a growing delay until it succeeds.
 * A migration that fails for any other reason is retried the same way and reported the same way; Flyway runs
 * each migration in a transaction, so a failed one leaves the schema as it was.
 * <p>Thread-safety: {@link #migrate()} is synchronised; the status is a volatile snapshot.
 */
@ApplicationScoped
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(60);

    /** Where the schema stands: {@code ready} once every migration has been applied. */
    public record Status(boolean ready, String version, String problem) {
    }

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private volatile Status status = new Status(false, null, "migrations have not run yet");
    private Duration nextRetry = FIRST_RETRY;

    void onStart(@Observes Startup startup) {
        migrate();
    }

    public Status status() {
        return status;
    }

    synchronized void migrate() {
        if (status.ready()) {
            return;
        }
        try {
            Flyway flyway = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load();
            MigrateResult result = flyway.migrate();
            String version = flyway.info().current() == null ? "none" : flyway.info().current().getVersion().getVersion();
            status = new Status(true, version, null);
            LOG.log(Level.INFO, "Database {0}: schema at version {1} ({2} migrations applied now)",
                    new Object[] {describeDatabase(), version, result.migrationsExecuted});
        } catch (RuntimeException e) {
            status = new Status(false, null, describe(e));
            LOG.log(Level.WARNING, "Database schema not ready, retrying in {0} s: {1}",
                    new Object[] {nextRetry.toSeconds(), status.problem()});
            LOG.log(Level.FINE, "Migration failure", e);
            scheduler.schedule(this::migrate, nextRetry.toMillis(), TimeUnit.MILLISECONDS);
            nextRetry = nextRetry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : nextRetry.multipliedBy(2);
        }
    }

    /** Which database this is, so an operator can see at a glance that the intended one is in use. */
    private String describeDatabase() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String url = meta.getURL() == null ? "?" : meta.getURL().replaceAll("[?;].*$", "");
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " at " + url;
        } catch (SQLException e) {
            return "(not described: " + e.getMessage() + ")";
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
