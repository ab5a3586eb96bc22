package dev.whiteboard.security.accounts;

import dev.whiteboard.security.oidc.OidcSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates the demo accounts at start-up (once; existing accounts are left alone, but marked as demo accounts if they
 * still have the demo password) unless {@code whiteboard.security.demo-accounts=false}, which also refuses their
 * sign-ins ({@link Accounts#maySignIn}). They are documented in the README and named on the sign-in page; switch them
 * off wherever the app is reachable by more than its developers. Never with OpenID Connect on: the provider knows the
 * users then.
 */
@ApplicationScoped
public class DemoAccounts {

    /** The demo users' password. */
    public static final String PASSWORD = "whiteboard";

    static final List<List<String>> USERS = List.of(
            List.of("alice", "Alice Andersen"),
            List.of("bob", "Bob Berg"),
            List.of("carol", "Carol Chen"),
            List.of("dave", "Dave Diaz"));
    /** The demo accounts' names. */
    public static List<String> names() {
        return USERS.stream().map(u -> u.get(0)).toList();
    }

    private static final Logger LOG = Logger.getLogger(DemoAccounts.class.getName());

    @Inject
    AccountSettings settings;

    @Inject
    Accounts accounts;

    @Inject
    OidcSettings oidc;

    void create(@Observes Startup startup) {
        if (!settings.demoAccounts() || oidc.enabled()) {
            return;
        }
        int created = 0;
        for (List<String> user : USERS) {
            if (accounts.createDemoIfAbsent(user.get(0), user.get(1), PASSWORD.toCharArray())) {
                created++;
            }
        }
        LOG.log(
                Level.INFO,
                "Demo accounts {0} are on ({1} created now); set whiteboard.security.demo-accounts=false"
                        + " to switch them off",
                new Object[] {names(), created});
    }
}
