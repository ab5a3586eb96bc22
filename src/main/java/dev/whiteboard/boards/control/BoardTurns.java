package dev.whiteboard.boards.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Changes to one board take turns in this process before they open a transaction. The board's row lock still
 * orders them in the database (and across app instances); waiting here first means a busy board makes its
 * writers wait without holding a database connection each, so one hot board cannot drain the connection pool
 * for every other board. A change that waits longer than {@value #WAIT_SECONDS} s is refused as unavailable.
 */
@ApplicationScoped
public class BoardTurns {

    static final int WAIT_SECONDS = 5;
    private final ConcurrentHashMap<String, Semaphore> turns = new ConcurrentHashMap<>();

    /** Runs the change when it is this board's turn ({@code board} may be null or unknown: no wait then). */
    public <T> T inTurn(String board, Supplier<T> change) {
        if (board == null) {
            return change.get();
        }
        Semaphore turn = turns.computeIfAbsent(board, b -> new Semaphore(1, true));
        try {
            if (!turn.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new BoardBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BoardBusyException();
        }
        try {
            return change.get();
        } finally {
            turn.release();
        }
    }
}
