/**
 * The REST surface of boards under {@code /api/boards}: list, create, read, the diagram snapshot, shape
 * writes and the background image. Resources only translate between HTTP and
 * {@link dev.whiteboard.boards.control.BoardStore}; every rule lives below them.
 */
package dev.whiteboard.boards.boundary;
