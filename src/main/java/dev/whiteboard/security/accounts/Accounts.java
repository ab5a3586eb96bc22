package dev.whiteboard.security.accounts;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.errors.WhiteboardException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The built-in accounts. Passwords are hashed with PBKDF2-HMAC-SHA256 (the Jakarta Security
 * {@link Pbkdf2PasswordHash}, 210,000 iterations, as OWASP advises for this algorithm).
 * <p>Administration: an administrator ({@link #administers}) creates accounts and resets passwords, both with a
 * one-time password that must be changed at the next sign-in, and disables and re-enables accounts; everyone changes
 * their own password (under {@link PasswordRules}) and display name. Every change fires {@link AccountChanged} once it
 * is committed, so that remembered passwords and cached states are dropped and a disabled person's live connections
 * are closed.
 */
@ApplicationScoped
@Transactional
public class Accounts {

    /** Letters and digits that cannot be mistaken for one another, for one-time passwords. */
    private static final String ONE_TIME_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private static final int ONE_TIME_LENGTH = 16;

    private final SecureRandom random = new SecureRandom();

    @PersistenceContext(unitName = "whiteboard")
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash hashing;

    @Inject
    AccountSettings settings;

    @Inject
    Event<AccountChanged> changed;

    /** An account was created or changed (its password, state or name); fired after the commit. */
    public record AccountChanged(String name, boolean disabled) {}

    /** A one-time password handed to an administrator, to pass on to the account's owner. */
    public record OneTimePassword(String name, String password) {}

    /**
     * A hash of a random password, made with the same parameters as the accounts' hashes: an unknown name is checked
     * against it, so that a wrong password costs the same time for a name that exists and one that does not (the
     * time would otherwise tell which accounts exist).
     */
    private String unknownAccountHash;

    @PostConstruct
    void configureHashing() {
        hashing.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        unknownAccountHash = hashing.generate(UUID.randomUUID().toString().toCharArray());
    }

    public Optional<Account> find(String name) {
        return name == null || !Account.NAME.matcher(name).matches()
                ? Optional.empty()
                : Optional.ofNullable(em.find(Account.class, name));
    }

    /** Every account, by name. */
    public List<Account> all() {
        return em.createQuery("SELECT a FROM Account a ORDER BY a.name", Account.class)
                .getResultList();
    }

    /** Whether the account may sign in now: not disabled, and not a demo account while they are switched off. */
    public boolean maySignIn(Account account) {
        return !account.disabled() && (!account.demo() || settings.demoAccounts());
    }

    /**
     * Whether the user administers the built-in accounts: named in {@code whiteboard.security.admins}, or the account
     * made first among those that may sign in (on the embedded default, the first demo account).
     */
    public boolean administers(String user) {
        if (user == null) {
            return false;
        }
        if (settings.admins().contains(user)) {
            return find(user).filter(this::maySignIn).isPresent();
        }
        // booleans as parameters: EclipseLink writes the literals FALSE and TRUE as 0 and 1, which H2 refuses
        String demo = settings.demoAccounts() ? "" : " AND a.demo = :no";
        return em.createQuery(
                        "SELECT a FROM Account a WHERE a.disabled = :no" + demo + " ORDER BY a.createdAt, a.name",
                        Account.class)
                .setParameter("no", false)
                .setMaxResults(1)
                .getResultStream()
                .anyMatch(first -> first.name().equals(user));
    }

    /** Creates a demo account unless one with that name exists; marks an existing one that still has {@code password}. */
    boolean createDemoIfAbsent(String name, String displayName, char[] password) {
        Optional<Account> existing = find(name);
        if (existing.isPresent()) {
            Account account = existing.get();
            if (!account.demo() && hashing.verify(password, account.passwordHash())) {
                account.markDemo(); // made before demo accounts were marked
            }
            return false;
        }
        Account account = new Account(name, displayName, hashing.generate(password), now());
        account.markDemo();
        em.persist(account);
        return true;
    }

    /** Creates an administrator named in the settings, with the given password or a one-time one, unless it exists. */
    Optional<OneTimePassword> createAdminIfAbsent(String name, Optional<String> password) {
        if (find(name).isPresent()) {
            return Optional.empty();
        }
        if (password.isPresent()) {
            settings.passwordRules().check(name, password.get());
            em.persist(new Account(name, name, hashing.generate(password.get().toCharArray()), now()));
            return Optional.empty();
        }
        String oneTime = oneTimePassword();
        Account account = new Account(name, name, hashing.generate(oneTime.toCharArray()), now());
        account.setPassword(account.passwordHash(), true, now());
        em.persist(account);
        return Optional.of(new OneTimePassword(name, oneTime));
    }

    /** Creates an account with a one-time password (409 if the name is taken). */
    public OneTimePassword create(String name, String displayName) {
        if (name == null || !Account.NAME.matcher(name).matches()) {
            throw new InvalidInputException(
                    "name", "an account name is 1 to 64 lower-case letters, digits, '.', '-' or '_'");
        }
        if (find(name).isPresent()) {
            throw new AccountException(ErrorKind.CONFLICT, "an account named " + name + " exists already", "name");
        }
        String oneTime = oneTimePassword();
        Account account = new Account(name, displayName, hashing.generate(oneTime.toCharArray()), now());
        account.setPassword(account.passwordHash(), true, now());
        em.persist(account);
        changed.fire(new AccountChanged(name, false));
        return new OneTimePassword(name, oneTime);
    }

    /** A new one-time password for the account, to be changed at its next sign-in. */
    public OneTimePassword resetPassword(String name) {
        Account account = existing(name);
        String oneTime = oneTimePassword();
        account.setPassword(hashing.generate(oneTime.toCharArray()), true, now());
        changed.fire(new AccountChanged(name, account.disabled()));
        return new OneTimePassword(name, oneTime);
    }

    /** Disables or re-enables an account; an administrator cannot disable their own. */
    public Account setDisabled(String name, boolean disabled, String by) {
        Account account = existing(name);
        if (disabled && name.equals(by)) {
            throw new AccountException(ErrorKind.CONFLICT, "you cannot disable your own account", "disabled");
        }
        if (account.disabled() != disabled) {
            account.setDisabled(disabled);
            changed.fire(new AccountChanged(name, disabled));
        }
        return account;
    }

    /**
     * The account's owner changes its password: the current one must match (400 on {@code currentPassword}
     * otherwise), the new one follow the {@link PasswordRules} and differ from the current one.
     */
    public void changePassword(String name, String current, String replacement) {
        Account account = existing(name);
        if (current == null || !hashing.verify(current.toCharArray(), account.passwordHash())) {
            throw new InvalidInputException("currentPassword", "the current password is not right");
        }
        settings.passwordRules().check(name, replacement);
        if (replacement.equals(current)) {
            throw new InvalidInputException("password", "the new password must differ from the current one");
        }
        account.setPassword(hashing.generate(replacement.toCharArray()), false, now());
        changed.fire(new AccountChanged(name, account.disabled()));
    }

    /** The account's owner changes its display name. */
    public Account rename(String name, String displayName) {
        Account account = existing(name);
        account.rename(displayName);
        changed.fire(new AccountChanged(name, account.disabled()));
        return account;
    }

    /**
     * The account, if the name and password match one that may sign in; one PBKDF2 check either way (see
     * unknownAccountHash).
     */
    public Optional<Account> verify(String name, char[] password) {
        Optional<Account> account = find(name);
        boolean matches =
                hashing.verify(password, account.map(Account::passwordHash).orElse(unknownAccountHash));
        return matches ? account.filter(this::maySignIn) : Optional.empty();
    }

    /** What to call the user: the account's display name, or the user id itself for users without an account. */
    public String displayName(String user) {
        return find(user).map(Account::displayName).orElse(user);
    }

    private Account existing(String name) {
        Account account = name == null || !Account.NAME.matcher(name).matches()
                ? null
                : em.find(Account.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new AccountException(ErrorKind.NOT_FOUND, "there is no account named " + name, "name");
        }
        return account;
    }

    private String oneTimePassword() {
        StringBuilder password = new StringBuilder(ONE_TIME_LENGTH + 3);
        for (int i = 0; i < ONE_TIME_LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(ONE_TIME_ALPHABET.charAt(random.nextInt(ONE_TIME_ALPHABET.length())));
        }
        return password.toString();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** A refusal of an account operation (an unknown account, a name taken, disabling oneself). */
    public static final class AccountException extends WhiteboardException {
        private static final long serialVersionUID = 1L;

        AccountException(ErrorKind kind, String message, String field) {
            super(kind, message, field);
        }
    }
}
