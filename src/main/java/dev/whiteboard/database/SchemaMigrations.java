package dev.whiteboard.database;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with Flyway when the application starts, before it serves a request. A
 * failure stops the deployment: the app never runs on a schema it does not know. Flyway applies each
 * migration in a transaction, so a failed one leaves the schema as it was.
 * <p>It also refuses a database that would silently lose the boards: an in-memory one, or the throwaway
 * default that Payara Micro keeps in a temporary folder when no post-boot file configured the data source.
 */
@ApplicationScoped
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    /** The priority of the migration among the start-up observers: before the application's own (2500). */
    public static final int FIRST = Interceptor.Priority.LIBRARY_BEFORE;

    private volatile String version;

    /** Runs before every other start-up observer ({@link #FIRST}), which may then rely on the schema. */
    void onStart(@Observes @Priority(FIRST) Startup startup) {
        String database = describeDatabase();
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
        MigrateResult result = flyway.migrate();
        MigrationInfo current = flyway.info().current();
        version = current == null ? "none" : current.getVersion().getVersion();
        LOG.log(Level.INFO, "Database {0}: schema at version {1} ({2} migrations applied now)", new Object[] {
            database, version, result.migrationsExecuted
        });
    }

    /** The schema version the database is at, once the start-up migration has run. */
    public String version() {
        return version;
    }

    /** Which database this is, so an operator sees at a glance that the intended one is in use. */
    private String describeDatabase() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String url = meta.getURL() == null ? "" : meta.getURL().replaceAll("[?;].*$", "");
            refuseThrowaway(url);
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " at " + url;
        } catch (SQLException e) {
            throw new IllegalStateException("The database cannot be reached: " + e.getMessage(), e);
        }
    }

    static void refuseThrowaway(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:mem:") || lower.contains("payaramicro-rt")) {
            throw new IllegalStateException(
                    "The data source is a throwaway database (" + url + "): boards would be"
                            + " lost. Configure java:comp/DefaultDataSource, e.g. with server-config/payara-micro/postboot-h2.asadmin");
        }
    }
}
