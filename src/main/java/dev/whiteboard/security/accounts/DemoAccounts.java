package dev.whiteboard.security.accounts;

import dev.whiteboard.security.oidc.OidcSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the demo accounts at start-up (once; existing accounts are left alone) unless
 * {@code whiteboard.security.demo-accounts=false}. They are documented in the README; switch them off wherever
 * the app is reachable by more than its developers. Never with OpenID Connect on: the provider knows the users then.
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
    private static final Logger LOG = Logger.getLogger(DemoAccounts.class.getName());

    @Inject
    @ConfigProperty(name = "whiteboard.security.demo-accounts", defaultValue = "true")
    boolean enabled;

    @Inject
    Accounts accounts;

    @Inject
    OidcSettings oidc;

    void create(@Observes Startup startup) {
        if (!enabled || oidc.enabled()) {
            return;
        }
        int created = 0;
        for (List<String> user : USERS) {
            if (accounts.createIfAbsent(user.get(0), user.get(1), PASSWORD.toCharArray())) {
                created++;
            }
        }
        LOG.log(
                Level.INFO,
                "Demo accounts {0} are on ({1} created now); set whiteboard.security.demo-accounts=false"
                        + " to switch them off",
                new Object[] {USERS.stream().map(u -> u.get(0)).toList(), created});
    }
}
