package dev.whiteboard.security.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * The cookie that carries a browser's sign-in token ({@value #NAME}): {@code HttpOnly}, {@code SameSite=Lax} (why
 * {@code Lax}: {@link SessionCookieFilter}), {@code Secure} when the browser reached the app over TLS (itself or
 * through a gateway), for the app's path, and gone when the browser closes (as the HTTP session's cookie was). Written
 * as a header of its own, so that every server sends it the same way.
 */
public final class SignInCookie {

    public static final String NAME = "whiteboard_session";

    private SignInCookie() {}

    /** The token the request carries, if any. */
    public static Optional<String> of(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null
                ? Optional.empty()
                : Arrays.stream(cookies)
                        .filter(c -> NAME.equals(c.getName()))
                        .map(Cookie::getValue)
                        .filter(v -> v != null && !v.isEmpty())
                        .findFirst();
    }

    /** Gives the browser {@code token} (a base64url string). */
    public static void set(
            HttpServletRequest request, HttpServletResponse response, Optional<URI> publicUrl, String token) {
        response.addHeader("Set-Cookie", header(token, path(request), AppOrigin.secure(request, publicUrl), false));
    }

    /** Tells the browser to forget the token. */
    public static void clear(HttpServletRequest request, HttpServletResponse response, Optional<URI> publicUrl) {
        response.addHeader("Set-Cookie", header("", path(request), AppOrigin.secure(request, publicUrl), true));
    }

    static String header(String value, String path, boolean secure, boolean expired) {
        return NAME + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
                + (expired ? "; Max-Age=0" : "");
    }

    private static String path(HttpServletRequest request) {
        String context = request.getContextPath();
        return context == null || context.isEmpty() ? "/" : context;
    }
}
