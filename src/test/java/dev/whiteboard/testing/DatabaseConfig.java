package dev.whiteboard.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Which database a test server uses: empty {@code url} means the embedded H2 file default, anything else
 * is a PostgreSQL JDBC URL. Taken from {@code -Dit.db.url}, {@code -Dit.db.user}, {@code -Dit.db.password}.
 */
public record DatabaseConfig(String url, String user, String password) {

    public static DatabaseConfig fromSystemProperties() {
        return new DatabaseConfig(
                System.getProperty("whiteboard.it.db.url", ""),
                System.getProperty("whiteboard.it.db.user", ""),
                System.getProperty("whiteboard.it.db.password", ""));
    }

    /**
     * A new PostgreSQL schema of this name, for servers that must share one database (several nodes; two processes
     * cannot share an H2 file): on the PostgreSQL server of this pass, or the local one in the H2 pass.
     */
    public static DatabaseConfig newPostgreSqlSchema(String schema) throws SQLException {
        DatabaseConfig configured = fromSystemProperties();
        DatabaseConfig server = configured.embedded()
                ? new DatabaseConfig("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "unused")
                : new DatabaseConfig(withoutSchema(configured.url()), configured.user(), configured.password());
        server.execute("CREATE SCHEMA " + schema);
        String base = server.url();
        return new DatabaseConfig(
                base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema, server.user(), server.password());
    }

    /** Drops this PostgreSQL URL's schema ({@code currentSchema}) with everything in it. */
    public void dropSchema() throws SQLException {
        String schema = url.replaceAll(".*[?&]currentSchema=([^&]*).*", "$1");
        new DatabaseConfig(withoutSchema(url), user, password).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String withoutSchema(String url) {
        return url.replaceAll("[?&]currentSchema=[^&]*", "");
    }

    public boolean embedded() {
        return url.isBlank();
    }
}
