package dev.whiteboard.testing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.whiteboard.hub.access.AccessKey;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Calls to a test server's webhook as an attacker who captured what the built-in hub sends would make them: signed
 * with the hub's access key ({@code ce-signature}) and, where asked, with a token like the hub's.
 */
public final class WebhookCalls {

    private WebhookCalls() {}

    /** {@code ce-signature} for the connection under the test servers' hub key. */
    public static String signature(String connectionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(AccessKey.of(TestServer.HUB_ACCESS_KEY).secret(), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(connectionId.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A token like the one the built-in hub of the server at {@code base} sends for the event {@code "<connection id>
     * <ce-id>"}, changed by {@code change}.
     */
    public static String token(URI base, String event, Consumer<JWTClaimsSet.Builder> change) {
        String root = base.toString().replaceAll("/+$", "");
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(root)
                .audience(root + "/eventhandler")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .jwtID(event);
        change.accept(claims);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(AccessKey.of(TestServer.HUB_ACCESS_KEY).secret()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hub's token for the server at {@code base} and the event, as it is. */
    public static String token(URI base, String event) {
        return token(base, event, c -> {});
    }

    /**
     * A user event {@code name} with a JSON body for the connection, signed, as {@code user} (none when null), with
     * the given event id and token (none when null).
     */
    public static HttpRequest.Builder userEvent(
            Http http, String connectionId, String user, String eventId, String token, String name, String body) {
        HttpRequest.Builder request = http.request("eventhandler")
                .header("Content-Type", "application/json")
                .header("ce-specversion", "1.0")
                .header("ce-id", eventId)
                .header("ce-source", "/hubs/whiteboard/client/" + connectionId)
                .header("ce-type", "azure.webpubsub.user." + name)
                .header("ce-hub", "whiteboard")
                .header("ce-connectionId", connectionId)
                .header("ce-eventName", name)
                .header("ce-signature", signature(connectionId));
        if (user != null) {
            request.header("ce-userId", user);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** A system event ({@code connect}, {@code connected}, {@code disconnected}) for the connection, signed. */
    public static HttpRequest.Builder systemEvent(
            Http http, String connectionId, String user, String eventId, String token, String name, String body) {
        HttpRequest.Builder request = userEvent(http, connectionId, user, eventId, token, name, body);
        return request.setHeader("ce-type", "azure.webpubsub.sys." + name);
    }
}
