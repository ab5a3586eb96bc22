package dev.whiteboard.security.web;

import dev.whiteboard.realtime.ConnectionString;
import dev.whiteboard.realtime.RealtimeSettings;
import dev.whiteboard.runtime.PublicAddress;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The browser-side defences on every answer, pages and API alike (mapped in {@code web.xml}):
 * <ul>
 * <li>{@code Content-Security-Policy}: scripts, styles, fonts only from the app itself and never inline (the pages
 *     have no inline script, handler or {@code style} attribute: keep it so), images also from {@code data:} and
 *     {@code blob:} (the canvas export and the background preview), connections to the app and to the real-time
 *     service's WebSocket address (this app's own hub, the configured client endpoint, or Azure Web PubSub), no
 *     plug-ins, no {@code <base>} elsewhere, forms only to the app, and no framing by anyone
 *     ({@code frame-ancestors 'none'}: no clickjacking);</li>
 * <li>{@code X-Frame-Options: DENY}, the same for browsers without CSP level 2;</li>
 * <li>{@code X-Content-Type-Options: nosniff}: a response is only ever what its {@code Content-Type} says;</li>
 * <li>{@code Referrer-Policy: same-origin}: board addresses do not leak to other sites through links.</li>
 * </ul>
 * Set before the request goes on, so that a resource may still replace one for its own answer.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    RealtimeSettings realtime;

    @Inject
    PublicAddress publicAddress;

    private volatile Optional<String> realtimeSource;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", policy(request));
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        chain.doFilter(request, response);
    }

    private String policy(HttpServletRequest request) {
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        // 'self' covers ws(s) to the page's own host in CSP level 3; older engines need the address spelled out
        AppOrigin.of(request, publicAddress.url()).forEach(origin -> connect.add(webSocket(origin)));
        realtimeSource().ifPresent(connect::add);
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self';"
                + " connect-src " + String.join(" ", connect) + "; object-src 'none'; base-uri 'self';"
                + " form-action 'self'; frame-ancestors 'none'";
    }

    /**
     * Where browsers open the real-time WebSocket when that is not this app's address: the configured client
     * endpoint, or Azure Web PubSub's own endpoint; empty for the built-in hub reached at the app's address.
     */
    private Optional<String> realtimeSource() {
        Optional<String> known = realtimeSource;
        if (known == null) {
            URI probe = URI.create("http://app.invalid/");
            Optional<URI> base = realtime.clientBase(probe);
            if (base.isEmpty()) {
                known = Optional.of(ConnectionString.parse(realtime.connectionString())
                                .endpoint())
                        .flatMap(SecurityHeadersFilter::webSocketOrigin);
            } else {
                known = base.filter(uri -> !uri.equals(probe)).flatMap(SecurityHeadersFilter::webSocketOrigin);
            }
            realtimeSource = known;
        }
        return known;
    }

    private static Optional<String> webSocketOrigin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String http = scheme.equals("wss") ? "https" : scheme.equals("ws") ? "http" : scheme;
        return AppOrigin.origin(http + "://" + uri.getRawAuthority()).map(SecurityHeadersFilter::webSocket);
    }

    private static String webSocket(String httpOrigin) {
        return httpOrigin.startsWith("https:") ? "wss:" + httpOrigin.substring(6) : "ws:" + httpOrigin.substring(5);
    }
}
