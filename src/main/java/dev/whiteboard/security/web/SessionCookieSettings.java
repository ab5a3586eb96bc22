package dev.whiteboard.security.web;

import dev.whiteboard.runtime.PublicAddress;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie's attributes that the server writes itself, set at deployment through the Servlet 6 API:
 * {@code SameSite=Lax} (as in {@code web.xml}, for servers that read only one of the two) and {@code Secure} when
 * the app's public address ({@code whiteboard.public-url}) is https: behind a gateway that ends TLS, the server
 * sees plain HTTP and would not mark the cookie secure by itself. Servers that ignore these get them from
 * {@link SessionCookieFilter}.
 */
@WebListener
public class SessionCookieSettings implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        if (cookie.getAttribute("SameSite") == null) {
            cookie.setAttribute("SameSite", "Lax");
        }
        Optional<String> publicUrl = ConfigProvider.getConfig().getOptionalValue("whiteboard.public-url", String.class);
        if (PublicAddress.absolute("whiteboard.public-url", publicUrl)
                .filter(url -> "https".equalsIgnoreCase(url.getScheme()))
                .isPresent()) {
            cookie.setSecure(true);
        }
    }
}
