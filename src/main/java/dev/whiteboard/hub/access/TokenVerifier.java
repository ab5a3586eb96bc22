package dev.whiteboard.hub.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies the hub's tokens the way Azure Web PubSub does: HS256 signed with the primary or the secondary
 * access key, an {@code exp} (with a small allowance for clock skew), and an audience naming what the token is
 * for. Audiences are compared by path, so tokens stay valid whatever host, port or scheme ({@code http}/{@code ws})
 * the caller was given: for clients {@code /client/hubs/{hub}} or {@code /client/?hub={hub}}, whichever form the
 * client connects with (hub case-insensitive); for the REST API the request's own path, with or without its query
 * (the SDKs sign the full URL; the documentation says without).
 * Claims may be strings or arrays of strings: the SDKs write arrays, other issuers a plain string for one value.
 * <p>Thread-safe and immutable.
 */
public final class TokenVerifier {

    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Set<String> PROTOCOL_CLAIMS =
            Set.of("aud", "exp", "iat", "nbf", "sub", "role", "webpubsub.group", "group");

    private final List<AccessKey> keys;
    private final Clock clock;

    public TokenVerifier(List<AccessKey> keys, Clock clock) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one access key is needed");
        }
        this.keys = List.copyOf(keys);
        this.clock = clock;
    }

    /** Verifies a REST API call's bearer token for the request {@code path} and {@code query} (may be null). */
    public void verifyService(String token, String path, String query) throws InvalidTokenException {
        JWTClaimsSet claims = verifiedClaims(token);
        List<String> audiences = claims.getAudience();
        if (audiences == null || audiences.stream().noneMatch(aud -> isThisRequest(aud, path, query))) {
            throw new InvalidTokenException("the token is for another request: " + audiences);
        }
    }

    /** Verifies {@code token} for a connection to {@code hub}; the hub name is compared case-insensitively. */
    public ClientClaims verify(String token, String hub) throws InvalidTokenException {
        JWTClaimsSet claims = verifiedClaims(token);
        List<String> audiences = claims.getAudience();
        if (audiences == null || audiences.stream().noneMatch(aud -> isThisHub(aud, hub))) {
            throw new InvalidTokenException("the access token is for another endpoint or hub: " + audiences);
        }
        return new ClientClaims(
                Optional.ofNullable(claims.getSubject()).filter(s -> !s.isEmpty()),
                strings(claims, "role"),
                groups(claims),
                claims.getExpirationTime().toInstant(),
                otherClaims(claims));
    }

    private JWTClaimsSet verifiedClaims(String token) throws InvalidTokenException {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("no access token");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token.strip());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidTokenException("the access token is not a JWT", e);
        }
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new InvalidTokenException("the access token must be signed with HS256");
        }
        if (!signedByOneOfTheKeys(jwt)) {
            throw new InvalidTokenException("the access token's signature does not match an access key");
        }
        Instant now = clock.instant();
        Instant expires = Optional.ofNullable(claims.getExpirationTime())
                .map(Date::toInstant)
                .orElseThrow(() -> new InvalidTokenException("the access token has no expiry (exp)"));
        if (expires.plus(CLOCK_SKEW).isBefore(now)) {
            throw new InvalidTokenException("the access token expired at " + expires);
        }
        if (claims.getNotBeforeTime() != null
                && claims.getNotBeforeTime().toInstant().minus(CLOCK_SKEW).isAfter(now)) {
            throw new InvalidTokenException("the access token is not valid before "
                    + claims.getNotBeforeTime().toInstant());
        }
        return claims;
    }

    private static boolean isThisRequest(String audience, String path, String query) {
        try {
            URI aud = URI.create(audience.strip());
            if (!trimSlash(aud.getRawPath()).equals(trimSlash(path))) {
                return false;
            }
            return aud.getRawQuery() == null || aud.getRawQuery().equals(query);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String trimSlash(String path) {
        if (path == null) {
            return "";
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private boolean signedByOneOfTheKeys(SignedJWT jwt) {
        for (AccessKey key : keys) {
            try {
                if (jwt.verify(new MACVerifier(key.secret()))) {
                    return true;
                }
            } catch (JOSEException e) {
                // this key cannot verify it; try the next
            }
        }
        return false;
    }

    /**
     * Whether a client token's audience names {@code hub}, in either form of the client URL:
     * {@code …/client/hubs/{hub}} or {@code …/client/?hub={hub}} (also without the slash). Either form is good for
     * either URL the client connects with.
     */
    private static boolean isThisHub(String audience, String hub) {
        try {
            URI aud = URI.create(audience.strip());
            String path = trimSlash(aud.getPath()).toLowerCase(Locale.ROOT);
            String wanted = hub.toLowerCase(Locale.ROOT);
            if (path.endsWith("/client/hubs/" + wanted)) {
                return true;
            }
            return path.endsWith("/client")
                    && hubParameters(aud.getRawQuery()).stream()
                            .anyMatch(named -> named.toLowerCase(Locale.ROOT).equals(wanted));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The values of the {@code hub} parameters of a raw query (may be null). */
    private static List<String> hubParameters(String rawQuery) {
        if (rawQuery == null) {
            return List.of();
        }
        List<String> hubs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0
                    && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8)
                            .equals("hub")) {
                hubs.add(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return hubs;
    }

    private static List<String> groups(JWTClaimsSet claims) throws InvalidTokenException {
        List<String> groups = new ArrayList<>(strings(claims, "webpubsub.group"));
        groups.addAll(strings(claims, "group"));
        return groups;
    }

    private static List<String> strings(JWTClaimsSet claims, String name) throws InvalidTokenException {
        Object value = claims.getClaim(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String single) {
            return List.of(single);
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new InvalidTokenException("the claim " + name + " must be a string or an array of strings");
    }

    private static Map<String, List<String>> otherClaims(JWTClaimsSet claims) {
        Map<String, List<String>> other = new LinkedHashMap<>();
        claims.getClaims().forEach((name, value) -> {
            if (!PROTOCOL_CLAIMS.contains(name)) {
                if (value instanceof List<?> list) {
                    other.put(name, list.stream().map(String::valueOf).toList());
                } else {
                    other.put(name, List.of(String.valueOf(value)));
                }
            }
        });
        return other;
    }
}
