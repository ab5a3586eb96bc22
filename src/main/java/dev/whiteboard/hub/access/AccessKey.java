package dev.whiteboard.hub.access;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * A Web PubSub access key. Tokens and signatures use the UTF-8 bytes of the key as written (it is not
 * base64-decoded), and the official Java SDK silently produces no token for a key shorter than 32 bytes, so
 * shorter keys are refused here. A key never appears in {@link #toString()}.
 */
public final class AccessKey {

    public static final int MIN_LENGTH = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private AccessKey(String value) {
        this.value = value;
    }

    /** Checks a configured key: at least 32 bytes, no {@code ;} (it would break a connection string), no spaces. */
    public static AccessKey of(String value) {
        Objects.requireNonNull(value, "access key");
        if (value.getBytes(StandardCharsets.UTF_8).length < MIN_LENGTH) {
            throw new IllegalArgumentException("an access key needs at least " + MIN_LENGTH + " bytes");
        }
        if (value.contains(";") || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("an access key cannot contain ';' or white space");
        }
        return new AccessKey(value);
    }

    /** A new random key in the usual form: 32 random bytes, base64 (44 characters). */
    public static AccessKey generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new AccessKey(Base64.getEncoder().encodeToString(bytes));
    }

    /** The key material for HMAC: the UTF-8 bytes of the key as written. */
    public byte[] secret() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** The key as written, for a connection string. */
    public String reveal() {
        return value;
    }

    /** The key with all but its first four characters hidden, for logs. */
    public String masked() {
        return value.substring(0, 4) + "*".repeat(8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccessKey other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "AccessKey[" + masked() + "]";
    }
}
