package dev.whiteboard.boards.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.boards.entity.Board;
import dev.whiteboard.boards.entity.Limits;
import dev.whiteboard.boards.entity.ShapeData;
import dev.whiteboard.database.SchemaMigrations;
import dev.whiteboard.testing.InContainer;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The wiring inside the server (CDI, JTA, JPA, the Flyway start-up migration), tested in the container with
 * Arquillian: the built WAR plus this class, on a managed Payara Micro or (profile {@code wildfly}) a managed WildFly
 * configured by {@code server-config/wildfly/}, with EclipseLink on both.
 */
@ExtendWith({InContainer.class, ArquillianExtension.class})
class BoardStoreIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("whiteboard.it.war")))
                .addClasses(BoardStoreIT.class, InContainer.class);
    }

    @Inject
    BoardStore store;

    @Inject
    SchemaMigrations migrations;

    @PersistenceContext(unitName = "whiteboard")
    EntityManager em;

    @Inject
    UserTransaction transaction;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private static ShapeData pen(int x) {
        return ShapeData.fromWire("pen", null, null, null, null, new double[] {x, x}, null, null, null);
    }

    @Test
    void theSchemaIsMigratedAtStartUp() {
        assertEquals("18", migrations.version()); // V18__signed_in_sessions is the newest
        Number failed = (Number)
                em.createNativeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = FALSE")
                        .getSingleResult();
        assertEquals(0, failed.intValue());
    }

    @Test
    void theJpaProviderIsEclipseLinkOnEveryServer() {
        assertTrue(
                em.getDelegate().getClass().getName().startsWith("org.eclipse.persistence."),
                "the entity manager is " + em.getDelegate().getClass().getName());
    }

    @Test
    void concurrentChangesToOneBoardEachGetTheirOwnVersion() throws Exception {
        String board = store.create("concurrent", "alice").id();
        List<Callable<Long>> writers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            int writer = w;
            writers.add(() -> {
                long last = 0;
                for (int i = 0; i < 20; i++) {
                    last = store.putShape(board, "w" + writer + "-" + i, pen(i), "writer" + writer)
                            .shape()
                            .version();
                }
                return last;
            });
        }
        for (Future<Long> done : executor.invokeAll(writers)) {
            done.get();
        }
        Diagram diagram = store.diagram(board);
        assertEquals(120, diagram.board().version());
        Set<Long> versions = new TreeSet<>();
        diagram.shapes().forEach(s -> versions.add(s.version()));
        assertEquals(120, versions.size(), "no two changes share a version");
        assertEquals(1L, versions.iterator().next());
    }

    @Test
    void aFailedChangeRollsBackTheVersionToo() {
        String board = store.create("rollback", "alice").id();
        store.putShape(board, "a", pen(1), "alice");
        assertThrows(Exception.class, () -> store.putShape(board, "bad id!", pen(2), "alice"));
        assertEquals(1, store.get(board).version());
    }

    @Test
    void aFullBoardTakesUpdatesButNoNewShapes() throws Exception {
        String board = store.create("full", "alice").id();
        store.putShape(board, "first", pen(0), "alice");
        transaction
                .begin(); // the Arquillian deployment runs on H2 (SYSTEM_RANGE); negative ids never meet the sequence
        em.createNativeQuery(
                        "INSERT INTO shapes (id, board_id, shape_id, kind, stroke, stroke_width, opacity, points, z,"
                                + " author, created_at, updated_at, version, removed)"
                                + " SELECT (SELECT COALESCE(MIN(id), 0) FROM shapes) - x, ?, CONCAT('bulk-', x), 'PEN', '#000000',"
                                + " 1, 1, '[0,0]', 0, 'bulk', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1, FALSE FROM SYSTEM_RANGE(1, ?)")
                .setParameter(1, board)
                .setParameter(2, Limits.MAX_SHAPES_PER_BOARD - 1)
                .executeUpdate();
        em.createNativeQuery("UPDATE boards SET live_shapes = live_shapes + ? WHERE id = ?")
                .setParameter(1, Limits.MAX_SHAPES_PER_BOARD - 1)
                .setParameter(2, board)
                .executeUpdate();
        transaction.commit();

        assertThrows(BoardFullException.class, () -> store.putShape(board, "one-too-many", pen(1), "alice"));
        assertEquals(2, store.putShape(board, "first", pen(5), "alice").shape().version(), "updates still work");
        store.removeShape(board, "first", "alice");
        assertTrue(store.putShape(board, "room-again", pen(1), "alice").created());
        Board stored = store.get(board);
        assertEquals(4, stored.version());
        long counted = em.createQuery(
                        "SELECT COUNT(s) FROM Shape s WHERE s.boardId = :board AND s.removed = false", Long.class)
                .setParameter("board", board)
                .getSingleResult();
        assertEquals(Limits.MAX_SHAPES_PER_BOARD, counted);
        assertEquals(counted, stored.liveShapes(), "the board's count of live shapes agrees with its shapes");
    }
}
