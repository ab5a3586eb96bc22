package dev.whiteboard.boards.entity;

import dev.whiteboard.errors.InvalidInputException;

/**
 * What makes a line or an arrow a connector: its ends bound to shapes, and a label. Any part may be absent; a
 * connector with none is no connector ({@link #of} gives {@code null}). The label is plain text drawn at the
 * middle of the line, at most {@link Limits#MAX_LABEL_LENGTH} characters, never blank.
 *
 * @param start the binding of the first point, or {@code null}
 * @param end   the binding of the second point, or {@code null}
 * @param label the label, or {@code null}
 */
public record Connector(Binding start, Binding end, String label) {

    public Connector {
        if (label != null) {
            if (label.isBlank()) {
                throw new InvalidInputException("label", "a label has text (leave it out for none)");
            }
            if (label.length() > Limits.MAX_LABEL_LENGTH) {
                throw new InvalidInputException(
                        "label", "a label is limited to " + Limits.MAX_LABEL_LENGTH + " characters");
            }
        }
    }

    /** The connector of these parts, or {@code null} when all are absent. */
    public static Connector of(Binding start, Binding end, String label) {
        return start == null && end == null && label == null ? null : new Connector(start, end, label);
    }

    /** The same, without the bindings to {@code shapeId} (which was removed); {@code null} when nothing is left. */
    public Connector without(String shapeId) {
        return of(
                start != null && start.shape().equals(shapeId) ? null : start,
                end != null && end.shape().equals(shapeId) ? null : end,
                label);
    }

    /** Whether an end is bound to {@code shapeId}. */
    public boolean bindsTo(String shapeId) {
        return (start != null && start.shape().equals(shapeId))
                || (end != null && end.shape().equals(shapeId));
    }
}
