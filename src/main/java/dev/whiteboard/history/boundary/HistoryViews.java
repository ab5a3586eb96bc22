package dev.whiteboard.history.boundary;

import dev.whiteboard.boards.boundary.BackgroundView;
import dev.whiteboard.boards.boundary.ShapeView;
import dev.whiteboard.history.control.History;
import dev.whiteboard.history.control.ShapeState;
import dev.whiteboard.history.entity.BoardVersion;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The version history on the wire (the README shows each with an example). */
public final class HistoryViews {

    private HistoryViews() {}

    /** A person, with the name people see. */
    public record PersonView(String user, String name) {}

    /**
     * A version: {@code {"id":"…","version":12,"kind":"named","label":"After the workshop","createdAt":"…",
     * "createdBy":"alice","createdByName":"Alice","contributors":[{"user":"bob","name":"Bob"}],"added":3,
     * "changed":1,"removed":0}}; {@code reason} for automatic ones, {@code description}, {@code backgroundColor}
     * and {@code backgroundImage} (as the board's background is given: {@code {"url":"api/boards/…/versions/…/
     * background?v=9f2c…","contentType":"image/png"}}) when set.
     */
    public record VersionView(
            String id,
            long version,
            String kind,
            String reason,
            String label,
            String description,
            String backgroundColor,
            BackgroundView backgroundImage,
            OffsetDateTime createdAt,
            String createdBy,
            String createdByName,
            List<PersonView> contributors,
            int added,
            int changed,
            int removed) {

        static VersionView of(BoardVersion v, Map<String, String> names) {
            BoardVersion.Summary summary = v.summary();
            return new VersionView(
                    v.id(),
                    v.version(),
                    v.kind().wireName(),
                    v.reason().map(BoardVersion.Reason::wireName).orElse(null),
                    v.label().orElse(null),
                    v.description().orElse(null),
                    v.background().color(),
                    v.background()
                            .image()
                            .map(ref -> new BackgroundView(
                                    "api/boards/" + v.boardId() + "/versions/" + v.id() + "/background?v=" + ref,
                                    v.background().imageType()))
                            .orElse(null),
                    v.createdAt(),
                    v.createdBy(),
                    names.get(v.createdBy()),
                    summary.contributors().stream()
                            .map(u -> new PersonView(u, names.get(u)))
                            .toList(),
                    summary.added(),
                    summary.changed(),
                    summary.removed());
        }

        /** The users the versions name (whose names to look up). */
        static Set<String> users(List<BoardVersion> versions) {
            Set<String> users = new HashSet<>();
            for (BoardVersion v : versions) {
                users.add(v.createdBy());
                users.addAll(v.summary().contributors());
            }
            return users;
        }
    }

    /** A page of versions, newest first, and what the caller may do with them. */
    public record VersionsPage(
            List<VersionView> versions, boolean more, boolean canSave, boolean canRestore, boolean canDelete) {}

    /** A version's content: its shapes as the diagram has them. */
    public record VersionContent(VersionView version, List<ShapeView> shapes) {}

    /** The outcome of a restore. */
    public record Restored(long version, VersionView checkpoint) {}

    /** One end of a diff: the version (none for the live board or a visit) and the board version. */
    public record PointView(String id, long version) {}

    /** A shape that changed, before and after. */
    public record ChangeView(ShapeView before, ShapeView after) {}

    /** What changed between two points. */
    public record DiffView(
            PointView from,
            PointView to,
            boolean firstVisit,
            List<ShapeView> added,
            List<ChangeView> changed,
            List<ShapeView> removed) {}

    /** A removed shape as it last was, and who removed it when. */
    public record RemovalView(ShapeView shape, OffsetDateTime removedAt, String removedBy, String removedByName) {}

    /** The shapes removed now, newest removal first. */
    public record RemovalsView(List<RemovalView> shapes) {}

    /** A shape brought back. */
    public record RecoveredView(long version, ShapeView shape) {}

    /** An entry of the activity log. */
    public record ActivityView(
            String id, OffsetDateTime at, String user, String name, String action, int count, String detail) {}

    /** A page of the activity log. */
    public record ActivityPage(List<ActivityView> activity, boolean more, boolean canExport) {}

    static ShapeView shape(ShapeState s) {
        return ShapeView.of(s.shapeId(), s.data(), s.author(), s.createdAt(), s.changedAt(), s.version());
    }

    static PointView point(History.Point p) {
        return new PointView(p.version().map(BoardVersion::id).orElse(null), p.boardVersion());
    }
}
