package dev.whiteboard.security.accounts;

import dev.whiteboard.security.oidc.OidcSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes the administrators named in {@code whiteboard.security.admins} that have no account yet, at start-up: with
 * {@code whiteboard.security.initial-admin-password} (from the environment or a secret store, never a committed file),
 * or else with a one-time password written once to the server's log, to be changed at the first sign-in. That is how
 * a deployment without the demo accounts gets its first account; the administrator makes the others on the
 * accounts page.
 */
@ApplicationScoped
public class AdminAccounts {

    private static final Logger LOG = Logger.getLogger(AdminAccounts.class.getName());

    @Inject
    AccountSettings settings;

    @Inject
    Accounts accounts;

    @Inject
    OidcSettings oidc;

    void create(@Observes Startup startup) {
        if (oidc.enabled()) {
            return;
        }
        Optional<String> password = settings.initialAdminPassword();
        for (String name : settings.admins()) {
            try {
                accounts.createAdminIfAbsent(name, password)
                        .ifPresentOrElse(
                                oneTime -> LOG.log(
                                        Level.WARNING,
                                        "Administrator account {0} created with the one-time password {1}: sign in"
                                                + " and choose a password",
                                        new Object[] {oneTime.name(), oneTime.password()}),
                                () -> {});
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "The administrator account {0} could not be created: {1}", new Object[] {
                    name, e.getMessage()
                });
            }
        }
    }
}
