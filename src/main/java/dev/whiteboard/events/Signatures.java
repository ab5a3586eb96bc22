package dev.whiteboard.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code ce-signature} check: the header lists {@code sha256=<hex>} values, comma-separated, one per access key
 * of the service, each the HMAC-SHA256 of the connection id under that key. A call is genuine when one of them
 * matches one of the app's keys; the comparison takes the same time whatever matches.
 */
final class Signatures {

    private Signatures() {}

    static boolean valid(String header, String connectionId, List<byte[]> keys) {
        if (header == null || header.isBlank() || connectionId == null || keys.isEmpty()) {
            return false;
        }
        byte[] message = connectionId.getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        for (String value : header.split(",")) {
            String candidate = value.strip().toLowerCase(Locale.ROOT);
            if (!candidate.startsWith("sha256=")) {
                continue;
            }
            byte[] given = candidate.substring(7).getBytes(StandardCharsets.US_ASCII);
            for (byte[] key : keys) {
                matched |= MessageDigest.isEqual(given, hex(key, message));
            }
        }
        return matched;
    }

    static String sign(byte[] key, String connectionId) {
        return "sha256="
                + new String(hex(key, connectionId.getBytes(StandardCharsets.UTF_8)), StandardCharsets.US_ASCII);
    }

    private static byte[] hex(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message)).getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }
}
