package io.mailsync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.OAuthKit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * The authorization server over HTTP, as a partner's back end and a customer's app meet it (issue 19), with the
 * module's own configuration: devstack's demo clients and customers.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuthServerIT {

    @TempDir
    static Path data;
    private static AuthServerInstance server;

    @BeforeAll
    static void start() {
        server = AuthServerInstance.start(data.resolve("auth-signing-key.jwk"), AuthServerInstance.freePort());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPartnersBackEndGetsATokenForItsCustomerWithTheApiAudiences() throws Exception {
        String token = OAuthKit.clientCredentials(server.url(), "demo-partner", "demo-partner-secret",
                "mail.read", "quota.read");

        JsonNode claims = OAuthKit.claims(token);
        assertThat(claims.path("sub").asString()).isEqualTo("demo-customer");
        assertThat(claims.path("aud").values()).extracting(JsonNode::asString)
                .containsExactly("mailsync-api", "mailsync-sync", "mailsync-quota", "mailsync-webhooks");
        assertThat(claims.path("scope").asString()).isEqualTo("mail.read quota.read");
        assertThat(claims.path("iss").asString()).isEqualTo(server.url());
        assertThat(claims.path("azp").asString()).isEqualTo("demo-partner");
        assertThat(Instant.ofEpochSecond(claims.path("exp").asLong()))
                .isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700)); // token-ttl 1h
        assertThat(OAuthKit.header(token).path("kid").asString()).isEqualTo(publishedKeyId());
    }

    @Test
    void aProvisioningClientIsItsOwnSubjectAndAWebmailTokenIsForWebmail() {
        JsonNode admin = OAuthKit.claims(OAuthKit.clientCredentials(server.url(), "demo-provisioning",
                "demo-provisioning-secret", "accounts.admin"));
        assertThat(admin.path("sub").asString()).isEqualTo("demo-provisioning");
        assertThat(admin.path("scope").asString()).isEqualTo("accounts.admin");

        JsonNode webmail = OAuthKit.claims(OAuthKit.clientCredentials(server.url(), "demo-webmail",
                "demo-webmail-secret", "mail.read"));
        assertThat(webmail.path("aud").asString()).isEqualTo("webmail"); // RFC 7519 §4.1.3: one audience, a string
    }

    @Test
    void aPartnersBackEndMayManageWebhooksAndTheProvisioningClientMayNot() {
        // issue 19, ADR 0013: webhook-service checks scope webhooks.manage and audience mailsync-webhooks
        JsonNode claims = OAuthKit.claims(OAuthKit.clientCredentials(server.url(), "demo-partner",
                "demo-partner-secret", "webhooks.manage"));
        assertThat(claims.path("scope").asString()).isEqualTo("webhooks.manage");
        assertThat(claims.path("aud").values()).extracting(JsonNode::asString).contains("mailsync-webhooks");

        HttpResponse<String> provisioning = OAuthKit.clientCredentialsResponse(server.url(), "demo-provisioning",
                "demo-provisioning-secret", "webhooks.manage");
        assertThat(provisioning.statusCode()).isEqualTo(400);
        assertThat(provisioning.body()).contains("invalid_scope");
    }

    @Test
    void aWrongSecretAScopeTheClientLacksAndAPublicClientAreRefused() {
        HttpResponse<String> wrongSecret = OAuthKit.clientCredentialsResponse(server.url(), "demo-partner", "guess",
                "mail.read");
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.body()).contains("invalid_client");

        HttpResponse<String> tooMuch = OAuthKit.clientCredentialsResponse(server.url(), "demo-partner",
                "demo-partner-secret", "accounts.admin");
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(tooMuch.body()).contains("invalid_scope");

        HttpResponse<String> publicClient = OAuthKit.clientCredentialsResponse(server.url(), "demo-app", "",
                "mail.read");
        assertThat(publicClient.statusCode()).isEqualTo(400);
        assertThat(publicClient.body()).contains("invalid_request").doesNotContain("access_token");
    }

    @Test
    void aCustomerSignsInToAnAppWithPkceAndTheTokenIsForThatCustomer() {
        String token = OAuthKit.authorizationCode(server.url(), "demo-app", "http://127.0.0.1:8765/callback",
                "other", "other-customer-password", "mail.read");

        JsonNode claims = OAuthKit.claims(token);
        assertThat(claims.path("sub").asString()).isEqualTo("other-customer");
        assertThat(claims.path("scope").asString()).isEqualTo("mail.read");
        assertThat(claims.path("azp").asString()).isEqualTo("demo-app");
    }

    @Test
    void theMetadataNamesTheEndpointsAndPkce() throws Exception {
        JsonNode metadata = ApiClient.JSON.readTree(get("/.well-known/oauth-authorization-server"));
        assertThat(metadata.path("issuer").asString()).isEqualTo(server.url());
        assertThat(metadata.path("token_endpoint").asString()).isEqualTo(server.url() + "/oauth2/token");
        assertThat(metadata.path("jwks_uri").asString()).isEqualTo(server.url() + "/oauth2/jwks");
        assertThat(metadata.path("code_challenge_methods_supported").values()).extracting(JsonNode::asString)
                .contains("S256");
    }

    @Test
    void noSecretOrPasswordReachesTheLog(CapturedOutput output) {
        OAuthKit.clientCredentials(server.url(), "demo-partner", "demo-partner-secret", "mail.read");
        OAuthKit.clientCredentialsResponse(server.url(), "demo-partner", "a-wrong-secret", "mail.read");
        OAuthKit.authorizationCode(server.url(), "demo-app", "http://127.0.0.1:8765/callback", "demo",
                "demo-customer-password", "mail.read");

        assertThat(output.getAll()).contains("demo-partner") // the log does speak of the client (TRACE is on)
                .doesNotContain("demo-partner-secret", "a-wrong-secret", "demo-customer-password",
                        "other-customer-password");
    }

    private static String publishedKeyId() throws Exception {
        return ApiClient.JSON.readTree(get("/oauth2/jwks")).path("keys").get(0).path("kid").asString();
    }

    private static String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
