package dev.whiteboard.hub.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The REST API's OData {@code filter} over connections, with the identifiers {@code userId},
 * {@code connectionId} (strings) and {@code groups} (a collection), the operators {@code eq ne and or not in} and
 * parentheses: {@code userId eq 'alice' and not('board-1' in groups)}, {@code connectionId in ('a','b')}.
 * Strings are in single quotes, {@code ''} for a quote. Anything else is refused with a message saying what is
 * supported.
 */
public final class ConnectionFilter {

    private static final int MAX_LENGTH = 4096;
    private static final String SUPPORTED = "supported: userId, connectionId, groups with eq, ne, in, and, or, not,"
            + " parentheses and 'quoted' strings";

    private final String text;
    private final List<String> tokens;
    private int position;

    private ConnectionFilter(String text) {
        this.text = text;
        this.tokens = tokenize(text);
    }

    /** Parses a filter; an absent or blank filter matches every connection. */
    public static Predicate<HubConnection> parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return connection -> true;
        }
        if (filter.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("filter is longer than " + MAX_LENGTH + " characters");
        }
        ConnectionFilter parser = new ConnectionFilter(filter);
        Predicate<HubConnection> predicate = parser.or();
        if (parser.position != parser.tokens.size()) {
            throw parser.error("unexpected '" + parser.tokens.get(parser.position) + "'");
        }
        return predicate;
    }

    private Predicate<HubConnection> or() {
        Predicate<HubConnection> left = and();
        while (accept("or")) {
            left = left.or(and());
        }
        return left;
    }

    private Predicate<HubConnection> and() {
        Predicate<HubConnection> left = unary();
        while (accept("and")) {
            left = left.and(unary());
        }
        return left;
    }

    private Predicate<HubConnection> unary() {
        if (accept("not")) {
            return unary().negate();
        }
        if (accept("(")) {
            Predicate<HubConnection> inner = or();
            expect(")");
            return inner;
        }
        return comparison();
    }

    private Predicate<HubConnection> comparison() {
        String first = next("an identifier or a 'string'");
        if (first.startsWith("'")) {
            String value = unquote(first);
            expect("in");
            expect("groups");
            return connection -> connection.groups().contains(value);
        }
        if (!first.equals("userId") && !first.equals("connectionId")) {
            throw error("unknown identifier '" + first + "'");
        }
        Function<HubConnection, String> field =
                first.equals("userId") ? c -> c.userId().orElse(null) : HubConnection::id;
        String operator = next("eq, ne or in");
        switch (operator) {
            case "eq" -> {
                String value = string();
                return connection -> value.equals(field.apply(connection));
            }
            case "ne" -> {
                String value = string();
                return connection -> !value.equals(field.apply(connection));
            }
            case "in" -> {
                expect("(");
                List<String> values = new ArrayList<>();
                do {
                    values.add(string());
                } while (accept(","));
                expect(")");
                return connection -> values.contains(field.apply(connection));
            }
            default -> throw error("unsupported operator '" + operator + "'");
        }
    }

    private String string() {
        String token = next("a 'string'");
        if (!token.startsWith("'")) {
            throw error("expected a 'string', got '" + token + "'");
        }
        return unquote(token);
    }

    private boolean accept(String token) {
        if (position < tokens.size() && tokens.get(position).equals(token)) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw error("expected '" + token + "'");
        }
    }

    private String next(String what) {
        if (position >= tokens.size()) {
            throw error("expected " + what + " at the end");
        }
        return tokens.get(position++);
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("filter \"" + text + "\": " + problem + " (" + SUPPORTED + ")");
    }

    private static String unquote(String token) {
        return token.substring(1, token.length() - 1).replace("''", "'");
    }

    private static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '\'') {
                int end = i + 1;
                while (true) {
                    if (end >= text.length()) {
                        throw new IllegalArgumentException("filter \"" + text + "\": a string is not closed");
                    }
                    if (text.charAt(end) == '\'') {
                        if (end + 1 < text.length() && text.charAt(end + 1) == '\'') {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                tokens.add(text.substring(i, end + 1));
                i = end + 1;
            } else {
                int end = i;
                while (end < text.length()
                        && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                if (end == i) {
                    throw new IllegalArgumentException(
                            "filter \"" + text + "\": unexpected '" + c + "' (" + SUPPORTED + ")");
                }
                tokens.add(text.substring(i, end));
                i = end;
            }
        }
        return tokens;
    }
}
