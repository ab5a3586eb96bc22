package dev.whiteboard.security.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks the provider's access tokens that scripts send as {@code Authorization: Bearer …}: signed with a key from
 * the provider's JWKS (asymmetric algorithms only), issued by the provider's issuer, for this app's audience, not
 * expired. The provider's discovery document ({@link ProviderDiscovery}) is read on first use, the keys are cached
 * and refreshed by Nimbus when a token names an unknown key. Thread-safe.
 */
@ApplicationScoped
public class BearerTokens {

    private static final Logger LOG = Logger.getLogger(BearerTokens.class.getName());
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.EdDSA);

    @Inject
    OidcSettings settings;

    @Inject
    ProviderDiscovery discovery;

    private volatile DefaultJWTProcessor<SecurityContext> processor;

    /** The caller a token stands for. */
    public record Caller(String name, Set<String> groups) {}

    /** The token's caller, or empty when the token is not one this app accepts (forged, expired, someone else's). */
    public Optional<Caller> verify(String token) {
        try {
            JWTClaimsSet claims = processor().process(token, null);
            String name = Optional.ofNullable(claims.getStringClaim(settings.getCallerNameClaim()))
                    .orElse(claims.getSubject());
            return Optional.of(new Caller(name, groups(claims)));
        } catch (ParseException | BadJOSEException | JOSEException e) {
            LOG.log(Level.FINE, "Bearer token refused: {0}", e.getMessage());
            return Optional.empty();
        }
    }

    private Set<String> groups(JWTClaimsSet claims) {
        Object value = claims.getClaim(settings.getGroupsClaim());
        Set<String> groups = new HashSet<>();
        if (value instanceof List<?> list) {
            list.forEach(g -> groups.add(String.valueOf(g)));
        } else if (value instanceof String single) {
            groups.add(single);
        }
        return groups;
    }

    private DefaultJWTProcessor<SecurityContext> processor() {
        DefaultJWTProcessor<SecurityContext> current = processor;
        if (current == null) {
            synchronized (this) {
                if (processor == null) {
                    processor = build();
                }
                current = processor;
            }
        }
        return current;
    }

    private DefaultJWTProcessor<SecurityContext> build() {
        JsonObject discovery = this.discovery.document();
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(new URL(discovery.getString("jwks_uri")))
                    .build();
            DefaultJWTProcessor<SecurityContext> built = new DefaultJWTProcessor<>();
            built.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
            built.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                    settings.audience(),
                    new JWTClaimsSet.Builder()
                            .issuer(discovery.getString("issuer"))
                            .build(),
                    Set.of("exp", "sub")));
            return built;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the identity provider's keys cannot be read: " + e.getMessage(), e);
        }
    }
}
