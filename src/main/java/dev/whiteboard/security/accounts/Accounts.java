package dev.whiteboard.security.accounts;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The built-in accounts. Passwords are hashed with PBKDF2-HMAC-SHA256 (the Jakarta Security
 * {@link Pbkdf2PasswordHash}, 210,000 iterations, as OWASP advises for this algorithm).
 */
@ApplicationScoped
@Transactional
public class Accounts {

    @PersistenceContext(unitName = "whiteboard")
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash hashing;

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

    /** Creates the account unless one with that name exists; returns whether it did. */
    public boolean createIfAbsent(String name, String displayName, char[] password) {
        if (find(name).isPresent()) {
            return false;
        }
        em.persist(new Account(name, displayName, hashing.generate(password), OffsetDateTime.now(ZoneOffset.UTC)));
        return true;
    }

    /** The account, if the name and password match one; one PBKDF2 check either way (see unknownAccountHash). */
    public Optional<Account> verify(String name, char[] password) {
        Optional<Account> account = find(name);
        boolean matches =
                hashing.verify(password, account.map(Account::passwordHash).orElse(unknownAccountHash));
        return matches ? account : Optional.empty();
    }

    /** What to call the user: the account's display name, or the user id itself for users without an account. */
    public String displayName(String user) {
        return find(user).map(Account::displayName).orElse(user);
    }
}
