package dev.whiteboard.security.throttle;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows password guessing down, per account and per client address, with the counts in the database so that every
 * node of a cluster applies the same ones ({@link SignInFailures}). The policy ({@link ThrottlePolicy}), with the
 * defaults:
 * <ul>
 * <li>an account: 5 failures in a row are free, then each failure refuses attempts on that account from anywhere
 *     for 1, 2, 4 … s, at most 60 s; signing in successfully starts its count again. A real user is never locked out
 *     for more than a minute at a time, however long an attacker keeps trying, and an attacker gets about one guess
 *     a minute per account, from however many addresses;</li>
 * <li>an address: 20 failures in a row (an office behind one address has typos too) are free, then 1, 2, 4 … s,
 *     at most 15 minutes: one address trying many accounts (password spraying) is slowed down to a few guesses an
 *     hour, without locking anyone else out. A successful sign-in does not reset an address's count (an attacker
 *     with one account of their own could otherwise reset it at will);</li>
 * <li>both counts are forgotten 15 minutes after their latest failure.</li>
 * </ul>
 * While refused, no password is checked at all (so refusals cost no hashing); unknown account names are counted
 * exactly like real ones, so the answers do not tell which accounts exist.
 */
@ApplicationScoped
public class SignInThrottle {

    private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());
    private static final String ACCOUNT = "account:";
    private static final String ADDRESS = "address:";
    /** Stale rows are swept after this many recorded failures (one sweep touches the index only). */
    private static final int SWEEP_EVERY = 64;

    @Inject
    @ConfigProperty(name = "whiteboard.security.sign-in.account-free-failures", defaultValue = "5")
    int accountFreeFailures;

    @Inject
    @ConfigProperty(name = "whiteboard.security.sign-in.account-max-delay-seconds", defaultValue = "60")
    long accountMaxDelaySeconds;

    @Inject
    @ConfigProperty(name = "whiteboard.security.sign-in.address-free-failures", defaultValue = "20")
    int addressFreeFailures;

    @Inject
    @ConfigProperty(name = "whiteboard.security.sign-in.address-max-delay-seconds", defaultValue = "900")
    long addressMaxDelaySeconds;

    @Inject
    @ConfigProperty(name = "whiteboard.security.sign-in.first-delay-seconds", defaultValue = "1")
    long firstDelaySeconds;

    @Inject
    @ConfigProperty(name = "whiteboard.security.sign-in.forget-after-minutes", defaultValue = "15")
    long forgetAfterMinutes;

    @Inject
    SignInFailures failures;

    private final AtomicInteger recorded = new AtomicInteger();
    private ThrottlePolicy accounts;
    private ThrottlePolicy addresses;

    /** An attempt that may go on: its subjects, and whether its account has failures to forget on success. */
    public record Attempt(String account, String address, boolean accountHasFailures) {}

    /** The count after a failure: of the account and of the address. */
    public record Failed(int account, int address) {}

    @PostConstruct
    void configure() {
        Duration memory = Duration.ofMinutes(forgetAfterMinutes);
        Duration first = Duration.ofSeconds(firstDelaySeconds);
        accounts = new ThrottlePolicy(accountFreeFailures, first, Duration.ofSeconds(accountMaxDelaySeconds), memory);
        addresses = new ThrottlePolicy(addressFreeFailures, first, Duration.ofSeconds(addressMaxDelaySeconds), memory);
    }

    /**
     * The attempt to sign in as {@code name} from {@code address}, if neither is being refused now.
     *
     * @throws SignInThrottledException with the longer of the two waits, when either is
     */
    public Attempt before(String name, String address) {
        Instant now = Instant.now();
        Attempt attempt = new Attempt(subject(ACCOUNT, name), subject(ADDRESS, address), false);
        Optional<SignInFailure> account = failures.find(attempt.account());
        Optional<SignInFailure> from = failures.find(attempt.address());
        Optional<Instant> until = Stream.of(account, from)
                .flatMap(Optional::stream)
                .flatMap(row -> row.blockedAfter(now).stream())
                .max(Instant::compareTo);
        if (until.isPresent()) {
            throw new SignInThrottledException(Duration.between(now, until.get()));
        }
        return new Attempt(attempt.account(), attempt.address(), account.isPresent());
    }

    /** The attempt's password was wrong (or its account unknown): both counts go up. */
    public Failed failed(Attempt attempt) {
        Instant now = Instant.now();
        Failed counts = new Failed(count(attempt.account(), now, accounts), count(attempt.address(), now, addresses));
        if (recorded.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep(now);
        }
        return counts;
    }

    /** The attempt signed in: its account's count starts again (its address's does not). */
    public void succeeded(Attempt attempt) {
        if (attempt.accountHasFailures()) {
            failures.forget(attempt.account());
        }
    }

    private int count(String subject, Instant now, ThrottlePolicy policy) {
        try {
            return failures.failed(subject, now, policy).failures();
        } catch (RuntimeException first) {
            // another node inserted the same subject's first row at the same moment: count on that row
            return failures.failed(subject, now, policy).failures();
        }
    }

    private void sweep(Instant now) {
        try {
            int removed = failures.forgetOlderThan(now.minus(Duration.ofMinutes(forgetAfterMinutes)), now);
            LOG.log(Level.FINE, "Forgot {0} stale sign-in failure counts", removed);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Stale sign-in failure counts not removed: {0}", e.getMessage());
        }
    }

    /** The row key: the prefix and the name or address, cut to the column's length (a longer name is no account). */
    private static String subject(String prefix, String value) {
        String subject = prefix + value;
        return subject.length() > SignInFailure.MAX_SUBJECT_LENGTH
                ? subject.substring(0, SignInFailure.MAX_SUBJECT_LENGTH)
                : subject;
    }
}
