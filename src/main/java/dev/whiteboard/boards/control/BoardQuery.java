package dev.whiteboard.boards.control;

import dev.whiteboard.boards.entity.BoardRole;
import dev.whiteboard.boards.entity.Limits;
import dev.whiteboard.errors.InvalidInputException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a boards list asks for, checked, and the one JPQL query that answers it: a title search ({@code q}, case
 * insensitive, anywhere in the title), a section ({@link Filter}) and an order ({@link Sort}), a page. Only fixed
 * fragments go into the query text; what the caller typed is a parameter. Plain data and rules: unit-tested.
 */
public record BoardQuery(Optional<String> text, Filter filter, Sort sort, int offset, int limit) {

    /** Which boards: every board the caller may see, or one section of them. */
    public enum Filter {
        /** Every board the caller has a role on (not in the trash). */
        ALL,
        /** The boards the caller created. */
        MINE,
        /** Boards someone else created that were shared with the caller (or one of the caller's groups). */
        SHARED,
        /** The boards the caller starred (and may still see). */
        STARRED,
        /** The boards in the trash that the caller owns. */
        TRASH;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** In which order: newest first ({@code created}, the default), last changed first, or by title (A–Z). */
    public enum Sort {
        CREATED("b.createdAt DESC, b.id"),
        CHANGED("b.changedAt DESC, b.id"),
        TITLE("LOWER(b.title), b.id");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public BoardQuery {
        if (offset < 0) {
            throw new InvalidInputException("offset", "offset cannot be negative");
        }
        if (limit < 1 || limit > Limits.MAX_PAGE_SIZE) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + Limits.MAX_PAGE_SIZE);
        }
        text = text.map(String::strip).filter(t -> !t.isEmpty());
        if (text.isPresent() && text.get().length() > Limits.MAX_TITLE_LENGTH) {
            throw new InvalidInputException("q", "q is limited to " + Limits.MAX_TITLE_LENGTH + " characters");
        }
    }

    /** From the query parameters as sent ({@code null} where absent); a 400 naming the parameter when one is bad. */
    public static BoardQuery parse(String q, String filter, String sort, int offset, int limit) {
        return new BoardQuery(
                Optional.ofNullable(q),
                wire("filter", filter, Filter.values(), Filter.ALL, Filter::wireName),
                wire("sort", sort, Sort.values(), Sort.CREATED, Sort::wireName),
                offset,
                limit);
    }

    private static <E extends Enum<E>> E wire(
            String parameter, String value, E[] values, E absent, Function<E, String> name) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        return Arrays.stream(values)
                .filter(e -> name.apply(e).equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        parameter,
                        parameter + " is one of "
                                + Arrays.stream(values).map(name).collect(Collectors.joining(", "))));
    }

    /** A JPQL query and its parameters. */
    public record Jpql(String query, Map<String, Object> parameters) {}

    /**
     * The query for this list, as the user {@code grantees} names sees it: {@code everyBoard} when the user may see
     * every board (a default role, or an administrator) or, for the trash, owns every board (an administrator).
     */
    public Jpql jpql(BoardAccess.Grantees grantees, boolean everyBoard) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder where =
                new StringBuilder(filter == Filter.TRASH ? "b.deletedAt IS NOT NULL" : "b.deletedAt IS NULL");
        String granted = "EXISTS (SELECT m FROM BoardMember m WHERE m.boardId = b.id AND m.user IN :grantees";
        switch (filter) {
            case MINE -> where.append(" AND b.createdBy = :user");
            case SHARED -> where.append(" AND b.createdBy <> :user AND " + granted + ")");
            case TRASH -> {
                if (!everyBoard) {
                    where.append(" AND (b.createdBy = :user OR " + granted + " AND m.role = :owner))");
                    parameters.put("owner", BoardRole.OWNER);
                }
            }
            case ALL, STARRED -> {
                if (!everyBoard) {
                    where.append(" AND (b.createdBy = :user OR " + granted + "))");
                }
            }
        }
        if (filter == Filter.STARRED) {
            where.append(" AND EXISTS (SELECT s FROM BoardStar s WHERE s.boardId = b.id AND s.user = :user)");
        }
        if (where.indexOf(":user") >= 0) {
            parameters.put("user", grantees.user());
        }
        if (where.indexOf(":grantees") >= 0) {
            parameters.put("grantees", grantees.names());
        }
        text.ifPresent(t -> {
            where.append(" AND LOWER(b.title) LIKE :pattern ESCAPE '!'");
            parameters.put("pattern", "%" + escapeLike(t.toLowerCase(Locale.ROOT)) + "%");
        });
        return new Jpql("SELECT b FROM Board b WHERE " + where + " ORDER BY " + sort.orderBy, parameters);
    }

    /** {@code text} as a literal inside a LIKE pattern with {@code !} as the escape character. */
    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
