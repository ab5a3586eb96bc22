package dev.whiteboard.security.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings of the built-in accounts ({@code whiteboard.security.…}), read in one place: whether the demo accounts
 * are on, who administers the accounts, the password rules' minimum length, and the first administrator's password.
 */
@ApplicationScoped
public class AccountSettings {

    @Inject
    @ConfigProperty(name = "whiteboard.security.demo-accounts", defaultValue = "true")
    boolean demoAccounts;

    /** Account names that administer the accounts, comma-separated (besides the first account, see Accounts). */
    @Inject
    @ConfigProperty(name = "whiteboard.security.admins", defaultValue = " ")
    String admins;

    @Inject
    @ConfigProperty(name = "whiteboard.security.password-min-length", defaultValue = "10")
    int passwordMinLength;

    /**
     * The password of the administrators named in {@code admins} whose accounts do not exist yet, which are then made
     * at start-up; without it they get a one-time password, written to the server's log.
     */
    @Inject
    @ConfigProperty(name = "whiteboard.security.initial-admin-password")
    Optional<String> initialAdminPassword;

    private PasswordRules rules;

    public boolean demoAccounts() {
        return demoAccounts;
    }

    public Set<String> admins() {
        return Arrays.stream(admins.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public Optional<String> initialAdminPassword() {
        return initialAdminPassword.filter(p -> !p.isBlank());
    }

    public synchronized PasswordRules passwordRules() {
        if (rules == null) {
            rules = new PasswordRules(passwordMinLength);
        }
        return rules;
    }
}
