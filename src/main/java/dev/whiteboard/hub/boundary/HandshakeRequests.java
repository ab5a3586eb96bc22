package dev.whiteboard.hub.boundary;

import dev.whiteboard.hub.protocol.Subprotocol;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading a client handshake: the hub it asks for, its token, its subprotocols. */
final class HandshakeRequests {

    /** The subprotocols the hub speaks, for messages. */
    static final List<String> SPOKEN =
            Arrays.stream(Subprotocol.values()).map(Subprotocol::wireName).toList();

    private static final Pattern HUB_PATH = Pattern.compile(".*/client/hubs/([^/?]+)/?$");
    private static final Pattern QUERY_PATH = Pattern.compile(".*/client/?$");
    private static final Pattern HUB_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_`,.\\[\\]]{0,127}");

    private HandshakeRequests() {}

    /**
     * The hub a client asks for, if it is a valid hub name: named by the path ({@code /client/hubs/{hub}}) or, on
     * {@code /client/} and {@code /client}, by the query parameter {@code hub} ({@code hubParameter}, already decoded;
     * may be null), the two forms the service accepts.
     */
    static Optional<String> hub(String path, String hubParameter) {
        String requested = path == null ? "" : path;
        Matcher matcher = HUB_PATH.matcher(requested);
        String hub;
        if (matcher.matches()) {
            hub = URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
        } else if (QUERY_PATH.matcher(requested).matches() && hubParameter != null) {
            hub = hubParameter;
        } else {
            return Optional.empty();
        }
        return HUB_NAME.matcher(hub).matches() ? Optional.of(hub) : Optional.empty();
    }

    /** The access token: the {@code access_token} query parameter, else an {@code Authorization: Bearer} header. */
    static Optional<String> token(Optional<String> queryToken, Optional<String> authorization) {
        if (queryToken.isPresent() && !queryToken.get().isBlank()) {
            return queryToken;
        }
        return authorization
                .filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(a -> a.substring(7).strip());
    }

    /** The first of the offered subprotocols the hub speaks (JSON or protobuf, reliable or not), as the emulator. */
    static Optional<Subprotocol> firstSpoken(List<String> offered) {
        return offered.stream()
                .map(Subprotocol::named)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The subprotocols a client offers, from one or several {@code Sec-WebSocket-Protocol} values. */
    static List<String> offeredSubprotocols(List<String> headerValues) {
        return headerValues.stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .toList();
    }
}
