package io.mailsync.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.testkit.OAuthKit;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Clients and customers as an operator configures them outside devstack: secrets and passwords hashed, and a
 * wrong entry stopping the start with a sentence that names it (never the secret).
 */
class ConfiguredClientsIT {

    @TempDir
    Path data;

    @Test
    void aHashedSecretAndAHashedPasswordWork() {
        String secretHash = "{bcrypt}" + new BCryptPasswordEncoder().encode("hashed-partner-secret");
        String passwordHash = "{bcrypt}" + new BCryptPasswordEncoder().encode("hashed-customer-password");
        try (AuthServerInstance server = AuthServerInstance.start(data.resolve("key.jwk"), AuthServerInstance.freePort(),
                "--mailsync.auth.customers[0].username=ann",
                "--mailsync.auth.customers[0].password=" + passwordHash,
                "--mailsync.auth.customers[0].customer-id=cust-ann",
                "--mailsync.auth.clients[0].id=isp-partner",
                "--mailsync.auth.clients[0].secret=" + secretHash,
                "--mailsync.auth.clients[0].grant-types=client_credentials",
                "--mailsync.auth.clients[0].customer-id=cust-ann",
                "--mailsync.auth.clients[0].scopes=mail.read",
                "--mailsync.auth.clients[1].id=isp-app",
                "--mailsync.auth.clients[1].grant-types=authorization_code",
                "--mailsync.auth.clients[1].scopes=mail.read",
                "--mailsync.auth.clients[1].redirect-uris=http://127.0.0.1:9999/cb")) {
            String backEnd = OAuthKit.clientCredentials(server.url(), "isp-partner", "hashed-partner-secret", "mail.read");
            assertThat(OAuthKit.claims(backEnd).path("sub").asString()).isEqualTo("cust-ann");
            assertThat(OAuthKit.clientCredentialsResponse(server.url(), "isp-partner", secretHash, "mail.read")
                    .statusCode()).as("the hash itself is not the secret").isEqualTo(401);

            String app = OAuthKit.authorizationCode(server.url(), "isp-app", "http://127.0.0.1:9999/cb", "ann",
                    "hashed-customer-password", "mail.read"); // no consent configured: straight to the code
            assertThat(OAuthKit.claims(app).path("sub").asString()).isEqualTo("cust-ann");
        }
    }

    @Test
    void aBackEndWithoutASecretStopsTheStartAndNamesTheClient() {
        assertThatThrownBy(() -> AuthServerInstance.start(data.resolve("key.jwk"), AuthServerInstance.freePort(),
                "--mailsync.auth.clients[0].id=forgetful",
                "--mailsync.auth.clients[0].grant-types=client_credentials",
                "--mailsync.auth.clients[0].customer-id=cust-1",
                "--mailsync.auth.clients[0].scopes=mail.read"))
                .rootCause().hasMessage("client 'forgetful': client credentials need a secret");
        assertThatThrownBy(() -> AuthServerInstance.start(data.resolve("key.jwk"), AuthServerInstance.freePort(),
                "--mailsync.auth.clients[0].id=plain",
                "--mailsync.auth.clients[0].secret=written-without-encoding",
                "--mailsync.auth.clients[0].grant-types=client_credentials",
                "--mailsync.auth.clients[0].customer-id=cust-1",
                "--mailsync.auth.clients[0].scopes=mail.read"))
                .rootCause().hasMessageStartingWith("client 'plain': a secret is written with its encoding")
                .hasMessageNotContaining("written-without-encoding");
    }
}
