package io.mailsync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.testkit.OAuthKit;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Issue 19: the old devstack made a new key at every start, so every token died with a restart. Now a token issued
 * before a restart verifies after it, by a decoder that has never seen the old server (as a restarted service's has
 * not): the restarted server publishes the same key.
 */
class AuthServerRestartIT {

    @TempDir
    Path data;

    @Test
    void aTokenIssuedBeforeARestartStillVerifiesAfterIt() {
        Path keyFile = data.resolve("auth-signing-key.jwk");
        int port = AuthServerInstance.freePort();
        String token;
        String keyId;
        try (AuthServerInstance first = AuthServerInstance.start(keyFile, port)) {
            token = OAuthKit.clientCredentials(first.url(), "demo-partner", "demo-partner-secret", "mail.read");
            keyId = OAuthKit.header(token).path("kid").asString();
        }

        try (AuthServerInstance second = AuthServerInstance.start(keyFile, port)) {
            NimbusJwtDecoder fresh = NimbusJwtDecoder.withJwkSetUri(second.url() + "/oauth2/jwks").build();
            fresh.setJwtValidator(JwtValidators.createDefaultWithIssuer(second.url()));

            Jwt old = fresh.decode(token);
            assertThat(old.getSubject()).isEqualTo("demo-customer");
            String newer = OAuthKit.clientCredentials(second.url(), "demo-partner", "demo-partner-secret", "mail.read");
            assertThat(OAuthKit.header(newer).path("kid").asString()).isEqualTo(keyId);
        }
    }
}
