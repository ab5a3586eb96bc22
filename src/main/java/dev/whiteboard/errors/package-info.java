/**
 * The product's failure vocabulary, shared by every boundary. Control code throws a
 * {@link dev.whiteboard.errors.WhiteboardException} subclass named after the case; each boundary (REST
 * mappers here, later the webhook's error acks) translates its {@link dev.whiteboard.errors.ErrorKind} to its
 * own protocol. Nothing in this package knows about HTTP.
 */
package dev.whiteboard.errors;
