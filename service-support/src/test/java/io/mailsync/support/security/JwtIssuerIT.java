package io.mailsync.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.testkit.JwtKit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A resource server that pins the signing key and names its issuer refuses a well-signed token from another issuer:
 * what a client sees is 401, where the same token passes a server that names the token's issuer.
 */
class JwtIssuerIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {
            "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
    static class AnyResourceServer { // no component scan: only the auto-configurations under test
    }

    @Test
    void aTokenFromAnotherIssuerIsRefusedAndOneFromTheNamedIssuerPasses() throws Exception {
        String token = JwtKit.shared().token("cust-1", "mail.read"); // issued by JwtKit.ISSUER
        try (ConfigurableApplicationContext strict = start("https://login.isp.example")) {
            assertThat(status(strict, token)).as("another issuer").isEqualTo(401);
        }
        try (ConfigurableApplicationContext matching = start(JwtKit.ISSUER)) {
            assertThat(status(matching, token)).as("authenticated; nothing mapped there").isEqualTo(404);
            assertThat(status(matching, token)).as("the same token again, from the decoder's cache").isEqualTo(404);
            assertThat(matching.getBean(JwtDecoder.class)).isInstanceOf(CachingJwtDecoder.class);
            assertThat(status(matching, null)).as("no token").isEqualTo(401);
        }
    }

    @Test
    void theProtectedResourceMetadataNamesTheIssuerOrTheNamedServersAndTheScopes() throws Exception {
        try (ConfigurableApplicationContext server = start("https://login.isp.example")) {
            JsonNode metadata = metadata(server);
            assertThat(metadata.path("authorization_servers").values()).extracting(JsonNode::asString)
                    .containsExactly("https://login.isp.example");
            assertThat(metadata.path("scopes_supported").values()).extracting(JsonNode::asString)
                    .containsExactly("mail.read", "mail.write", "quota.read", "accounts.admin", "webhooks.manage");
            assertThat(metadata.path("tls_client_certificate_bound_access_tokens").asBoolean()).isFalse();
        }
        try (ConfigurableApplicationContext server = start("https://login.isp.example",
                "--mailsync.security.authorization-servers=https://a.isp.example,https://b.isp.example")) {
            assertThat(metadata(server).path("authorization_servers").values()).extracting(JsonNode::asString)
                    .containsExactly("https://a.isp.example", "https://b.isp.example");
        }
    }

    private static JsonNode metadata(ConfigurableApplicationContext server) throws Exception {
        String port = server.getEnvironment().getRequiredProperty("local.server.port");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/.well-known/oauth-protected-resource")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("open, without a token").isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    private static ConfigurableApplicationContext start(String issuer, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + JwtKit.shared().publicKeyLocation(),
                "--mailsync.security.jwt.issuer=" + issuer));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(AnyResourceServer.class).run(args.toArray(String[]::new));
    }

    private static int status(ConfigurableApplicationContext server, String token) throws Exception {
        String port = server.getEnvironment().getRequiredProperty("local.server.port");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/anything"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
