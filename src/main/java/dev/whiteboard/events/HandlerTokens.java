package dev.whiteboard.events;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the {@code Authorization: Bearer} token the real-time service sends with each webhook call, the way Azure Web
 * PubSub's event handler authentication works: a JWT signed by a party the app trusts, issued by the expected issuer,
 * for this webhook (its audience), not expired ({@value #SKEW_SECONDS} s of clock skew allowed) and with an issue
 * time. Two kinds of trust:
 * <ul>
 *   <li>the built-in hub: HS256 under one of the hub's access keys, issued by the hub's endpoint, for the event
 *       handler URL the hub called;
 *   <li>Azure (managed identity / Entra ID): RS256 under a key of the issuer's JWKS document (fetched and cached by
 *       Nimbus, refreshed when an unknown key id appears), for the configured audience (the resource / app id).
 * </ul>
 * Thread-safe: one instance serves every call.
 */
final class HandlerTokens {

    static final int SKEW_SECONDS = 60;

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Set<String> audiences;
    private final boolean namesEvents;

    private HandlerTokens(
            JWKSource<SecurityContext> keys,
            Set<JWSAlgorithm> algorithms,
            String issuer,
            Set<String> audiences,
            boolean namesEvents) {
        this.namesEvents = namesEvents;
        this.audiences = audiences.stream().map(HandlerTokens::normalise).collect(Collectors.toUnmodifiableSet());
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                null, new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp", "iat"));
        claims.setMaxClockSkew(SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /**
     * Tokens of the built-in hub: HS256 under any of its keys, from {@code issuer}; the audience is the configured
     * one, or (when {@code audiences} is empty) the URL the call came to.
     */
    static HandlerTokens hmac(List<byte[]> keys, String issuer, Set<String> audiences) {
        JWKSet set = new JWKSet(keys.stream()
                .map(key -> (JWK) new OctetSequenceKey.Builder(key).build())
                .toList());
        return new HandlerTokens(new ImmutableJWKSet<>(set), Set.of(JWSAlgorithm.HS256), issuer, audiences, true);
    }

    /** Tokens of an identity provider (Entra ID): RS256 under a key of its JWKS document. */
    static HandlerTokens jwks(URI jwksUri, String issuer, Set<String> audiences) {
        if (audiences.isEmpty()) {
            throw new IllegalStateException("whiteboard.webhook.token.audience is required with a JWKS URI");
        }
        try {
            JWKSource<SecurityContext> keys =
                    JWKSourceBuilder.create(jwksUri.toURL()).retrying(true).build();
            return new HandlerTokens(keys, Set.of(JWSAlgorithm.RS256), issuer, audiences, false);
        } catch (MalformedURLException e) {
            throw new IllegalStateException("whiteboard.webhook.token.jwks-uri is not a URL: " + jwksUri, e);
        }
    }

    /**
     * Checks the {@code Authorization} header of a call that came to {@code requestUrl} for the event
     * {@code "<connection id> <ce-id>"}; the reason it is refused, phrased for the caller, if it is. The built-in
     * hub's tokens name their event ({@code jti}), so one serves no other event; Entra ID's tokens are per caller, not
     * per event, and name none.
     */
    void check(String authorization, String requestUrl, String event) throws RefusedCallException {
        if (authorization == null || authorization.isBlank()) {
            throw RefusedCallException.unauthenticated("a call needs a Bearer token in Authorization", "Authorization");
        }
        String value = authorization.strip();
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw RefusedCallException.unauthenticated("Authorization must be a Bearer token", "Authorization");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(value.substring(7).strip(), null);
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            throw RefusedCallException.unauthenticated(
                    "the Bearer token is not valid (" + reason(e) + ")", "Authorization");
        }
        Set<String> accepted = audiences.isEmpty() ? Set.of(normalise(requestUrl)) : audiences;
        List<String> given = claims.getAudience();
        if (given == null || given.stream().map(HandlerTokens::normalise).noneMatch(accepted::contains)) {
            throw RefusedCallException.unauthenticated("the Bearer token is for another audience", "Authorization");
        }
        if (namesEvents && !event.equals(claims.getJWTID())) {
            throw RefusedCallException.unauthenticated("the Bearer token is for another event", "Authorization");
        }
    }

    /** A short reason without the library's class names: expired, wrong issuer, bad signature... */
    private static String reason(Exception e) {
        if (e instanceof ParseException) {
            return "malformed";
        }
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("expired")) {
            return "expired";
        }
        if (message.contains("missing") || message.contains("required")) {
            return "a required claim is missing";
        }
        if (message.contains("iss")) {
            return "another issuer";
        }
        if (message.contains("signature") || message.contains("key")) {
            return "not signed by a trusted key";
        }
        return "malformed";
    }

    /**
     * An audience compared as a URL where it is one (scheme and host lower-case, default port dropped, no trailing
     * slash), as it is otherwise (an app id such as {@code api://…} or a GUID).
     */
    static String normalise(String audience) {
        if (audience == null) {
            return "";
        }
        String text = audience.strip();
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                int port = uri.getPort();
                boolean defaultPort =
                        port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
                String path = uri.getRawPath() == null ? "" : uri.getRawPath();
                while (path.endsWith("/")) {
                    path = path.substring(0, path.length() - 1);
                }
                return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
            }
        } catch (URISyntaxException e) {
            // not a URL: compared as it is
        }
        return text;
    }
}
