package dev.whiteboard.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The app's own address behind a gateway, {@code whiteboard.public-url} (e.g. {@code https://board.example.com/}),
 * in one place for every feature that hands out or checks the app's address: the real-time service's client URLs,
 * the sign-in's callback and sign-out, the same-origin check and the session cookie's {@code Secure}. Empty when
 * unset: each caller's own address is then the app's. Parsed once; a malformed value fails at first use with a
 * message naming the setting.
 */
@ApplicationScoped
public class PublicAddress {

    public static final String PROPERTY = "whiteboard.public-url";

    @Inject
    @ConfigProperty(name = PROPERTY)
    Optional<String> configured;

    private volatile Optional<URI> parsed;

    /** {@code whiteboard.public-url}, absolute; empty when unset. */
    public Optional<URI> url() {
        Optional<URI> known = parsed;
        if (known == null) {
            known = absolute(PROPERTY, configured);
            parsed = known;
        }
        return known;
    }

    /**
     * A configured URL, which must be absolute with an http(s) or ws(s) scheme and a host, without query or
     * fragment; empty when unset or blank.
     */
    public static Optional<URI> absolute(String property, Optional<String> value) {
        Optional<String> text = value.map(String::strip).filter(v -> !v.isEmpty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.get());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (Set.of("http", "https", "ws", "wss").contains(scheme)
                    && uri.getHost() != null
                    && uri.getQuery() == null
                    && uri.getFragment() == null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalStateException(property
                + " must be an absolute http(s) URL such as https://board.example.com/, not '" + text.get() + "'");
    }
}
