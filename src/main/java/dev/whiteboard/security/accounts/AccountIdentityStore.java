package dev.whiteboard.security.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks user names and passwords against the built-in {@link Accounts}. Every signed-in user is in the group
 * {@value #USERS}; what they may do on a board is decided per board, not by groups.
 * <p>A PBKDF2 check costs a few hundred milliseconds by design, and HTTP Basic clients send their password with
 * every request; so a successful check is remembered for {@link #REMEMBERED} as a keyed digest of the password
 * (the key lives only in this process). A changed or wrong password never matches a remembered digest.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    /** The group (and container role) of every signed-in user. */
    public static final String USERS = "user";

    static final Duration REMEMBERED = Duration.ofMinutes(5);
    private static final int MAX_REMEMBERED = 10_000;

    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final byte[] digestKey = new SecureRandom().generateSeed(32);

    @Inject
    Accounts accounts;

    private record Remembered(byte[] digest, Instant until) {}

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String name = credential.getCaller();
        byte[] digest = digest(name, credential.getPassword().getValue());
        Remembered known = remembered.get(name);
        if (known != null && known.until().isAfter(Instant.now()) && MessageDigest.isEqual(known.digest(), digest)) {
            return valid(name);
        }
        Optional<Account> account =
                accounts.verify(name, credential.getPassword().getValue());
        if (account.isEmpty()) {
            remembered.remove(name);
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(name, new Remembered(digest, Instant.now().plus(REMEMBERED)));
        return valid(name);
    }

    /** A changed password or a disabled account is never matched by what was remembered of it. */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Accounts.AccountChanged changed) {
        remembered.remove(changed.name());
    }

    private static CredentialValidationResult valid(String name) {
        return new CredentialValidationResult(name, Set.of(USERS));
    }

    private byte[] digest(String name, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(digestKey, "HmacSHA256"));
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(new String(password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }
}
