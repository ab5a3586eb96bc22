package dev.whiteboard.history.boundary;

import dev.whiteboard.api.WholeNumber;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.history.control.History;
import dev.whiteboard.history.entity.BoardActivity;
import dev.whiteboard.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/boards/{board}/activity} (viewers): who did what on the board, newest first, paged with {@code limit}
 * and {@code before} (an entry's id); {@code ?format=csv} (owners) the whole log as a CSV download.
 */
@Path("boards/{board}/activity")
@RequestScoped
public class ActivityResource {

    @Inject
    History history;

    @Inject
    CurrentCaller caller;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response list(
            @PathParam("board") String boardId,
            @QueryParam("limit") @DefaultValue("50") @Pattern(regexp = WholeNumber.INT, message = WholeNumber.MESSAGE)
                    String limit,
            @QueryParam("before") @Pattern(regexp = WholeNumber.LONG, message = WholeNumber.MESSAGE) String before,
            @QueryParam("format") String format) {
        if ("csv".equals(format)) {
            List<BoardActivity> all = history.wholeActivity(boardId, caller.name());
            return Response.ok(csv(all, names(all)), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"activity-" + boardId + ".csv\"")
                    .build();
        }
        if (format != null && !"json".equals(format)) {
            throw new InvalidInputException("format", "format is json (the default) or csv");
        }
        History.Activity page = history.activity(
                boardId,
                caller.name(),
                Optional.ofNullable(before).map(Long::parseLong),
                VersionsResource.limit(limit));
        Map<String, String> names = names(page.entries());
        return Response.ok(
                        new HistoryViews.ActivityPage(
                                page.entries().stream().map(a -> view(a, names)).toList(),
                                page.more(),
                                page.canExport()),
                        MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    private Map<String, String> names(List<BoardActivity> entries) {
        Set<String> users = new HashSet<>();
        entries.forEach(a -> users.add(a.user()));
        return history.names(users);
    }

    private static HistoryViews.ActivityView view(BoardActivity a, Map<String, String> names) {
        return new HistoryViews.ActivityView(
                String.valueOf(a.id()),
                a.at(),
                a.user(),
                names.get(a.user()),
                a.action().wireName(),
                a.count(),
                a.detail().orElse(null));
    }

    /** The log as CSV (RFC 4180): a header, then an entry a line, newest first. */
    static String csv(List<BoardActivity> entries, Map<String, String> names) {
        StringBuilder out = new StringBuilder("time,user,name,action,count,detail,version\r\n");
        for (BoardActivity a : entries) {
            out.append(a.at())
                    .append(',')
                    .append(cell(a.user()))
                    .append(',')
                    .append(cell(names.get(a.user())))
                    .append(',')
                    .append(a.action().wireName())
                    .append(',')
                    .append(a.count())
                    .append(',')
                    .append(cell(a.detail().orElse("")))
                    .append(',')
                    .append(a.version())
                    .append("\r\n");
        }
        return out.toString();
    }

    /**
     * A CSV cell: quoted when it holds a comma, quote or line break; a cell a spreadsheet would run as a formula
     * (starting with =, +, - or @) gets a leading apostrophe.
     */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
