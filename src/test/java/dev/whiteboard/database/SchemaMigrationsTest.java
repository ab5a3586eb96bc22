package dev.whiteboard.database;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

    @Test
    void refusesDatabasesThatWouldLoseTheBoards() {
        assertThrows(IllegalStateException.class, () -> SchemaMigrations.refuseThrowaway("jdbc:h2:mem:test"));
        assertThrows(
                IllegalStateException.class,
                () -> SchemaMigrations.refuseThrowaway(
                        "jdbc:h2:/tmp/payaramicro-rt3473991291906349295tmp/lib/databases/embedded_default"));
    }

    @Test
    void acceptsFileAndServerDatabases() {
        assertDoesNotThrow(() -> SchemaMigrations.refuseThrowaway("jdbc:h2:file:/srv/whiteboard/data/whiteboard"));
        assertDoesNotThrow(() -> SchemaMigrations.refuseThrowaway("jdbc:postgresql://db:5432/whiteboard"));
    }
}
