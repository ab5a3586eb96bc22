package dev.whiteboard.security.web;

import dev.whiteboard.errors.ErrorBody;
import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.runtime.PublicAddress;
import dev.whiteboard.security.accounts.SignInGuard;
import dev.whiteboard.wire.WireJson;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Cross-site request forgery stops here: a state-changing request ({@code POST}, {@code PUT}, {@code PATCH},
 * {@code DELETE}) whose {@code Origin} (or, without one, {@code Referer}) is not the app's own ({@link AppOrigin})
 * gets 403 with the usual JSON error body, before anything runs. That covers the session cookie (a page elsewhere
 * cannot act with a visitor's session), HTTP Basic credentials a browser remembered, and the sign-in itself
 * ({@code POST /api/session}: no other site can sign a visitor in as someone else, "login CSRF").
 * <p>Left alone: requests that name neither header (browsers name the origin on every cross-origin request of
 * these methods; scripts, curl and the SDKs send neither, and they are not driven by another site); requests with
 * {@code Authorization: Bearer} (a browser never adds a token by itself); the webhook ({@code /eventhandler},
 * server to server, signed) and the built-in hub's REST API ({@code /api/hubs/…}, its own tokens). Mapped in
 * {@code web.xml}, after the sign-in mechanism (which only reads credentials: nothing is changed before this).
 */
public class SameOriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger SECURITY = Logger.getLogger(SignInGuard.EVENTS);
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    PublicAddress publicAddress;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!STATE_CHANGING.contains(request.getMethod().toUpperCase(Locale.ROOT)) || exempt(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> claimed = claimedOrigin(request);
        if (claimed.isEmpty() || AppOrigin.of(request, publicAddress.url()).contains(claimed.get())) {
            chain.doFilter(request, response);
            return;
        }
        SECURITY.log(Level.WARNING, "Cross-site request refused: {0} {1} from origin {2} (address {3})", new Object[] {
            request.getMethod(), request.getRequestURI(), claimed.get(), request.getRemoteAddr()
        });
        ErrorBody error = ErrorBody.of(
                ErrorKind.FORBIDDEN,
                "cross-site request refused: this app accepts changes only from its own pages, not from "
                        + claimed.get(),
                null);
        response.setStatus(error.status());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(WireJson.write(error));
    }

    /**
     * The origin the browser says the request comes from: {@code Origin}, else {@code Referer}'s origin; a value
     * that is not an http(s) origin ({@code null}, from sandboxed frames, data: and file: pages) is foreign too.
     */
    static Optional<String> claimedOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.isBlank()) {
            return Optional.of(AppOrigin.origin(origin).orElse(origin.strip()));
        }
        String referer = request.getHeader("Referer");
        if (referer != null && !referer.isBlank()) {
            return Optional.of(AppOrigin.origin(referer).orElse("(unreadable Referer)"));
        }
        return Optional.empty();
    }

    private static boolean exempt(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return true;
        }
        // the decoded, normalised path the container routes by (never the raw URI: /api/hubs/../boards is /api/boards)
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.equals("/eventhandler") || path.startsWith("/api/hubs/");
    }
}
