/**
 * Storing and reading boards. {@link dev.whiteboard.boards.control.BoardStore} is the only code that touches
 * the board tables; every change runs in one transaction that holds the board's row lock, bumps the board
 * version once, and is durable when the call returns.
 */
package dev.whiteboard.boards.control;
