package dev.whiteboard.health;

/**
 * The health answer: {@code {"status":"UP","database":"UP","schema":"1"}}; when something is down,
 * {@code status} is {@code DOWN} and {@code problem} says what.
 *
 * @param status   {@code UP} when the app can serve requests, else {@code DOWN}
 * @param database {@code UP} when a connection to the database works, else {@code DOWN}
 * @param schema   the version of the database schema
 * @param problem  what is wrong, or {@code null}
 * @param cluster  on a node of a cluster ({@code whiteboard.cluster.redis-url}): {@code UP} when it reaches Redis, else
 *                 {@code DOWN} (the node still serves its own clients, so {@code status} stays {@code UP}; messages
 *                 to other nodes are lost meanwhile); {@code null} (absent) on a single node
 * @param node     the node's id in a cluster, else {@code null}
 */
public record HealthReport(String status, String database, String schema, String problem, String cluster, String node) {

    public boolean up() {
        return "UP".equals(status);
    }
}
