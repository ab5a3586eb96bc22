package dev.whiteboard.security.accounts;

import dev.whiteboard.security.throttle.ClientAddress;
import dev.whiteboard.security.throttle.SignInThrottle;
import dev.whiteboard.security.throttle.SignInThrottledException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every check of a user name and password that a client sends (the sign-in form, HTTP Basic) goes through here:
 * refused at once while the account or the client's address is throttled ({@link SignInThrottle}), otherwise
 * checked by the identity store, and the outcome counted. Failed and refused sign-ins are logged as security events
 * on the logger {@value #EVENTS} (user name and address, never the password), for a SIEM or fail2ban to watch.
 */
@ApplicationScoped
public class SignInGuard {

    /** The logger of security events: failed sign-ins, refused (throttled) sign-ins, form sign-ins. */
    public static final String EVENTS = "dev.whiteboard.security.events";

    private static final Logger SECURITY = Logger.getLogger(EVENTS);

    @Inject
    IdentityStoreHandler identities;

    @Inject
    SignInThrottle throttle;

    @Inject
    @ConfigProperty(name = "whiteboard.security.trusted-proxies")
    Optional<String> trustedProxies;

    private ClientAddress clientAddress;

    /** How the credentials came: named in the security log. */
    public enum Channel {
        FORM,
        BASIC
    }

    @PostConstruct
    void configure() {
        clientAddress = ClientAddress.trusting(trustedProxies.orElse(""));
    }

    /**
     * The identity store's answer for the credential, counted for the throttle.
     *
     * @throws SignInThrottledException without checking the password, while the account or address is refused
     */
    public CredentialValidationResult validate(
            UsernamePasswordCredential credential, HttpServletRequest request, Channel channel) {
        String name = credential.getCaller();
        String address = clientAddress.of(request);
        SignInThrottle.Attempt attempt;
        try {
            attempt = throttle.before(name, address);
        } catch (SignInThrottledException e) {
            SECURITY.log(
                    Level.WARNING,
                    "Sign-in refused (throttled for {0} s): user \"{1}\" from {2} ({3})",
                    new Object[] {e.retryAfterSeconds(), printable(name), address, channel});
            throw e;
        } catch (RuntimeException e) {
            // the counts cannot be read (the database is down): the identity store still answers for credentials it
            // checked moments ago, and any other check needs the database too, so no password can be guessed meanwhile
            SECURITY.log(
                    Level.WARNING,
                    "Sign-in counts unavailable for user \"{0}\" from {1} ({2}): {3}",
                    new Object[] {printable(name), address, channel, e.toString()});
            return identities.validate(credential);
        }
        CredentialValidationResult result = identities.validate(credential);
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            throttle.succeeded(attempt);
            if (channel == Channel.FORM) {
                SECURITY.log(Level.INFO, "Signed in: user \"{0}\" from {1} ({2})", new Object[] {
                    printable(name), address, channel
                });
            }
        } else {
            SignInThrottle.Failed counts = throttle.failed(attempt);
            SECURITY.log(
                    Level.WARNING,
                    "Sign-in failed: user \"{0}\" from {1} ({2}); {3} failures in a row for the user, {4} from the"
                            + " address",
                    new Object[] {printable(name), address, channel, counts.account(), counts.address()});
        }
        return result;
    }

    /** The name as it may appear in a log line: no control characters (no forged lines), at most 100 characters. */
    static String printable(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(100).forEach(c -> {
            if (Character.isISOControl(c) || c == '"' || c == '\\') {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return name.codePointCount(0, name.length()) > 100 ? out + "…" : out.toString();
    }
}
