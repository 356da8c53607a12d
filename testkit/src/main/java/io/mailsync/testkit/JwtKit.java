package io.mailsync.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * An RSA signing key for tests: every service verifies tokens with its public key
 * ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}), and {@link #token} mints them for any
 * customer, or odd ones (no {@code exp}, another audience). devstack gets its tokens from its authorization server
 * ({@code auth-server}, ADR 0010), production from the ISP's identity provider; the services then read a JWK set.
 */
public final class JwtKit {

    public static final String ISSUER = "https://auth.mailsync.test";
    /**
     * The audiences an API token carries (issue 16, ADR 0008): the gateway forwards the caller's token, so the
     * identity provider issues it for the gateway and the two services behind it, and each checks its own.
     */
    public static final List<String> API_AUDIENCES = List.of("mailsync-api", "mailsync-sync", "mailsync-quota");
    private static JwtKit shared;

    private final KeyPair keys;
    private final Path publicKeyPem;

    public JwtKit(Path publicKeyPem) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
            this.publicKeyPem = publicKeyPem;
            Files.writeString(publicKeyPem, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized JwtKit shared() {
        if (shared == null) {
            try {
                shared = new JwtKit(Files.createTempFile("mailsync-jwt-", ".pem"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** {@code file:} location of the PEM public key, for {@code ...resourceserver.jwt.public-key-location}. */
    public String publicKeyLocation() {
        return "file:" + publicKeyPem.toAbsolutePath();
    }

    /** A token for customer {@code subject} with the given scopes, valid for an hour. */
    public String token(String subject, String... scopes) {
        return token(subject, Duration.ofHours(1), scopes);
    }

    public String token(String subject, Duration validFor, String... scopes) {
        Instant now = Instant.now();
        return sign(claims(subject, scopes).expirationTime(Date.from(now.plus(validFor))).build());
    }

    /** A token for the given audiences only (a token the identity provider issued for another service). */
    public String tokenFor(List<String> audiences, String subject, String... scopes) {
        return sign(claims(subject, scopes).audience(audiences)
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).build());
    }

    /** A token for another client application ({@code azp}): rate limits count per customer and per client app. */
    public String tokenOfClient(String clientId, String subject, String... scopes) {
        return sign(claims(subject, scopes).claim("azp", clientId)
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).build());
    }

    /** A token without {@code exp} (never expires) — resource servers must refuse it. */
    public String tokenWithoutExpiry(String subject, String... scopes) {
        return sign(claims(subject, scopes).build());
    }

    /** A token without {@code sub} — resource servers must refuse it rather than skip a tenant check. */
    public String tokenWithoutSubject(String... scopes) {
        return sign(claims(null, scopes).expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).build());
    }

    /** Signs any claims with this kit's key, for tests of odd tokens. */
    public String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static JWTClaimsSet.Builder claims(String subject, String... scopes) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .audience(API_AUDIENCES)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(new Date())
                .claim("scope", String.join(" ", scopes));
    }
}
