package dev.whiteboard.testing;

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

    public boolean embedded() {
        return url.isBlank();
    }
}
