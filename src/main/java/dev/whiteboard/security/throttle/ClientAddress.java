package dev.whiteboard.security.throttle;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The address a request came from, for the sign-in throttle and the security log. The peer's address, unless the
 * peer is one of the configured trusted proxies ({@code whiteboard.security.trusted-proxies}, e.g. the gateway):
 * then the nearest address in {@code X-Forwarded-For} that is not a trusted proxy. A client cannot choose its
 * address by sending {@code X-Forwarded-For} itself: the header is only read when a trusted proxy sent the request,
 * and only the entries that trusted proxies added are believed (the list is read from the right).
 */
public final class ClientAddress {

    /** Only IP literals, never a name to resolve: dotted IPv4, or IPv6 (hex digits and colons, maybe IPv4 last). */
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}");

    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    private final Set<InetAddress> trusted;

    private ClientAddress(Set<InetAddress> trusted) {
        this.trusted = trusted;
    }

    /** From a comma-separated list of IP addresses; names and malformed entries are refused. */
    public static ClientAddress trusting(String list) {
        return new ClientAddress(Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(entry -> parse(entry)
                        .orElseThrow(() -> new IllegalStateException(
                                "whiteboard.security.trusted-proxies lists IP addresses, not '" + entry + "'")))
                .collect(Collectors.toUnmodifiableSet()));
    }

    public String of(HttpServletRequest request) {
        return of(
                request.getRemoteAddr(),
                request.getHeaders("X-Forwarded-For") == null
                        ? List.of()
                        : Collections.list(request.getHeaders("X-Forwarded-For")));
    }

    String of(String peer, List<String> forwardedFor) {
        Optional<InetAddress> current = parse(peer);
        if (current.isEmpty() || !trusted.contains(current.get())) {
            return canonical(peer, current);
        }
        List<String> hops = forwardedFor.stream()
                .flatMap(header -> Arrays.stream(header.split(",")))
                .map(String::strip)
                .filter(hop -> !hop.isEmpty())
                .toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = parse(hops.get(i));
            if (hop.isEmpty()) {
                return canonical(peer, current); // garbage a trusted proxy passed on: the proxy is what we know
            }
            if (!trusted.contains(hop.get())) {
                return hop.get().getHostAddress();
            }
        }
        return canonical(peer, current);
    }

    private static String canonical(String peer, Optional<InetAddress> parsed) {
        return parsed.map(InetAddress::getHostAddress).orElse(String.valueOf(peer));
    }

    private static Optional<InetAddress> parse(String literal) {
        if (literal == null) {
            return Optional.empty();
        }
        String text =
                literal.startsWith("[") && literal.endsWith("]") ? literal.substring(1, literal.length() - 1) : literal;
        if (text.length() > 45
                || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text)); // a literal: no name lookup
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
