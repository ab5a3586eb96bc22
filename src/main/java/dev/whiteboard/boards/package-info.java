/**
 * Boards and their shapes: creating and listing boards, the diagram snapshot a late joiner loads, shape
 * changes, and the background image. {@code entity} holds the domain types and the one place where every
 * limit is enforced ({@link dev.whiteboard.boards.entity.Limits}); {@code control} stores and reads them in
 * transactions; {@code boundary} is the REST surface under {@code /api/boards}.
 */
package dev.whiteboard.boards;
