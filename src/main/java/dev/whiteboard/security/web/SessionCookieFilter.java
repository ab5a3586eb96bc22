package dev.whiteboard.security.web;

import dev.whiteboard.runtime.PublicAddress;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Gives the session cookie {@code SameSite=Lax}, and {@code Secure} when the browser reached the app over TLS, on
 * servers that do not write the attribute of {@code web.xml}'s {@code cookie-config} (Payara Micro 6 writes
 * neither): the {@code Set-Cookie} headers of the answer are completed just before it is committed. Servers that
 * keep cookies apart from the headers until they send them (WildFly's Undertow) are not helped by this, and need
 * none of it: they write the {@code web.xml} attribute, and {@link SessionCookieSettings} sets {@code Secure}.
 * <p>Why {@code Lax}, not {@code Strict}: the sign-in with an OpenID Connect provider comes back as a top-level
 * navigation from the provider's site, and links to a board arrive from mail and chat; with {@code Strict} those
 * would come without the session (a failed sign-in, a sign-in page instead of the board). {@code Lax} still keeps
 * the cookie off every cross-site {@code POST}, {@code PUT}, {@code DELETE}, {@code fetch}, frame and image, and
 * {@link SameOriginFilter} refuses cross-site changes anyway.
 */
public class SessionCookieFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    PublicAddress publicAddress;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getHeader("Upgrade") != null) {
            chain.doFilter(request, response); // a WebSocket handshake: the endpoint wants the server's own response
            return;
        }
        Completing completing = new Completing(response, AppOrigin.secure(request, publicAddress.url()));
        chain.doFilter(request, completing);
        completing.complete();
    }

    /** {@code cookie} (a {@code Set-Cookie} value) with {@code SameSite=Lax} and, when asked, {@code Secure}. */
    static String completed(String cookie, boolean secure) {
        String lower = cookie.toLowerCase(Locale.ROOT).replace(" ", "");
        StringBuilder out = new StringBuilder(cookie);
        if (!lower.contains(";samesite=")) {
            out.append("; SameSite=Lax");
        }
        if (secure && !lower.contains(";secure")) {
            out.append("; Secure");
        }
        return out.toString();
    }

    /** Completes the cookies at the first moment the answer may be committed, and at the end. */
    private static final class Completing extends HttpServletResponseWrapper {
        private final boolean secure;

        Completing(HttpServletResponse response, boolean secure) {
            super(response);
            this.secure = secure;
        }

        void complete() {
            HttpServletResponse response = (HttpServletResponse) getResponse();
            if (response.isCommitted()) {
                return;
            }
            List<String> cookies = new ArrayList<>(response.getHeaders("Set-Cookie"));
            List<String> done = cookies.stream().map(c -> completed(c, secure)).toList();
            if (done.equals(cookies)) {
                return;
            }
            response.setHeader("Set-Cookie", done.get(0));
            done.subList(1, done.size()).forEach(c -> response.addHeader("Set-Cookie", c));
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            complete();
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            complete();
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            complete();
            super.flushBuffer();
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            complete();
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            complete();
            super.sendError(sc);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            complete();
            super.sendRedirect(location);
        }
    }
}
