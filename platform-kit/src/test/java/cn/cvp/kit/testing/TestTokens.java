package cn.cvp.kit.testing;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signed bearer tokens shaped like the compute-voucher realm's (issuer, audience {@code cvp-api},
 * {@code realm_access.roles}, {@code org_id}) for component tests. The service verifies them for real
 * (signature, issuer, audience, expiry) against {@link #publicKey()}, which {@link LocalInfraResource}
 * configures as {@code quarkus.oidc.public-key}. End-to-end tests use Keycloak's own tokens instead.
 */
public final class TestTokens {
    public static final String ISSUER = "https://keycloak.test/realms/compute-voucher";
    private static final RsaJsonWebKey KEY;

    static {
        try {
            KEY = RsaJwkGenerator.generateJwk(2048);
            KEY.setKeyId("test-key");
        } catch (JoseException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TestTokens() {
    }

    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEY.getPublicKey().getEncoded());
    }

    /** A token for {@code user} of organisation {@code org} (may be null) with the given realm roles. */
    public static String token(String user, String org, String... roles) {
        return sign(user, org, "cvp-api", roles);
    }

    /** The same, issued for another audience: a service must refuse it. */
    public static String tokenForAudience(String audience, String user, String org, String... roles) {
        return sign(user, org, audience, roles);
    }

    private static String sign(String user, String org, String audience, String... roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(audience);
        claims.setSubject(UUID.nameUUIDFromBytes(user.getBytes(StandardCharsets.UTF_8)).toString());
        claims.setExpirationTimeMinutesInTheFuture(10);
        claims.setIssuedAtToNow();
        claims.setGeneratedJwtId();
        claims.setClaim("preferred_username", user);
        claims.setClaim("azp", "cvp-cli");
        claims.setClaim("realm_access", Map.of("roles", List.of(roles)));
        if (org != null) {
            claims.setClaim("org_id", org);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(KEY.getPrivateKey());
        jws.setKeyIdHeaderValue(KEY.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
