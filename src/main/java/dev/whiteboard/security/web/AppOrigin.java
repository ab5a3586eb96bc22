package dev.whiteboard.security.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The app's own origins for a request ({@code scheme://host[:port]}, the way browsers write an {@code Origin}
 * header): where this request came to (its {@code Host}, with the scheme the request came with and, behind a
 * gateway that ends TLS, the one {@code X-Forwarded-Proto} names), and {@code whiteboard.public-url}'s. Believing
 * {@code X-Forwarded-Proto} and {@code Host} here is safe: a cross-site page cannot set either on a browser's request,
 * and the origin a browser sends is the page's, which is what is compared.
 */
final class AppOrigin {

    private AppOrigin() {}

    static Set<String> of(HttpServletRequest request, Optional<URI> publicUrl) {
        Set<String> origins = new LinkedHashSet<>();
        String host = request.getHeader("Host");
        if (host != null && !host.isBlank()) {
            origin(request.getScheme() + "://" + host.strip()).ifPresent(origins::add);
            forwardedProto(request)
                    .flatMap(proto -> origin(proto + "://" + host.strip()))
                    .ifPresent(origins::add);
        }
        publicUrl.flatMap(url -> origin(url.toString())).ifPresent(origins::add);
        return origins;
    }

    /** Whether the request came over TLS, to this server or to a gateway in front of it. */
    static boolean secure(HttpServletRequest request, Optional<URI> publicUrl) {
        return request.isSecure()
                || forwardedProto(request).filter("https"::equals).isPresent()
                || publicUrl
                        .filter(url -> "https".equalsIgnoreCase(url.getScheme()))
                        .isPresent();
    }

    /** The origin of an absolute http(s) URL, normalised: lower case, default port left out; empty otherwise. */
    static Optional<String> origin(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return Optional.of(
                    scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> forwardedProto(HttpServletRequest request) {
        return Optional.ofNullable(request.getHeader("X-Forwarded-Proto"))
                .map(value -> value.split(",")[0].strip().toLowerCase(Locale.ROOT))
                .filter(proto -> proto.equals("http") || proto.equals("https"));
    }
}
