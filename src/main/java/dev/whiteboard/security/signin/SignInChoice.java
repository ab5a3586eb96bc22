package dev.whiteboard.security.signin;

import dev.whiteboard.security.accounts.SignInMechanism;
import dev.whiteboard.security.oidc.OidcMechanism;
import dev.whiteboard.security.oidc.OidcSettings;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Chooses the app's one {@code HttpAuthenticationMechanism} at deployment (Jakarta Security 3.0 allows only one):
 * {@link OidcMechanism} when {@code whiteboard.oidc.provider-uri} is set, the built-in {@link SignInMechanism}
 * otherwise. The other class is vetoed before it becomes a bean, so its annotations (the OIDC definition) are never
 * seen. A portable CDI extension, registered in {@code META-INF/services}.
 */
public class SignInChoice implements Extension {

    private static final Logger LOG = Logger.getLogger(SignInChoice.class.getName());

    private Boolean oidc;

    void choose(@Observes ProcessAnnotatedType<?> type) {
        Class<?> candidate = type.getAnnotatedType().getJavaClass();
        if (candidate != OidcMechanism.class && candidate != SignInMechanism.class) {
            return;
        }
        if (oidc == null) {
            oidc = OidcSettings.configured(ConfigProvider.getConfig(candidate.getClassLoader()));
            if (oidc) {
                new OidcSettings(); // incomplete settings stop the deployment here, with their message
            }
            LOG.log(
                    Level.INFO,
                    "Sign-in: {0}",
                    oidc
                            ? "OpenID Connect (whiteboard.oidc.provider-uri is set)"
                            : "built-in accounts (set whiteboard.oidc.provider-uri for OpenID Connect)");
        }
        if (candidate == (oidc ? SignInMechanism.class : OidcMechanism.class)) {
            type.veto();
        }
    }
}
