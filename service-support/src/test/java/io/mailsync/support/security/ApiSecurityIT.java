package io.mailsync.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.testkit.JwtKit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The shared resource-server security over real HTTP (issue 16): a service that names its audience refuses a token
 * for another audience, without {@code exp} or without {@code sub} (401), applies the public API's scope table
 * (403), and refuses a path or query that is not percent-encoded UTF-8 (400) — each as problem+json.
 */
class ApiSecurityIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JwtKit JWT = JwtKit.shared();
    private static ConfigurableApplicationContext server;

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {
            "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
    static class AnyService { // no component scan: only the auto-configurations under test
    }

    @BeforeAll
    static void start() {
        server = new SpringApplicationBuilder(AnyService.class).run("--server.port=0",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + JWT.publicKeyLocation(),
                "--spring.security.oauth2.resourceserver.jwt.audiences=mailsync-sync");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void tokensMustBeForThisServiceExpireAndNameACustomer() throws Exception {
        String path = "/api/v1/accounts/a1/messages";
        assertThat(call("GET", path, JWT.token("c1", "mail.read")).statusCode()).as("right audience").isEqualTo(404);
        assertUnauthorized(call("GET", path, JWT.tokenFor(List.of("mailsync-quota"), "c1", "mail.read")));
        assertUnauthorized(call("GET", path, JWT.tokenFor(List.of("webmail"), "c1", "mail.read")));
        assertUnauthorized(call("GET", path, JWT.tokenWithoutExpiry("c1", "mail.read")));
        assertUnauthorized(call("GET", path, JWT.tokenWithoutSubject("mail.read")));
        assertUnauthorized(call("GET", path, null));
    }

    @Test
    void theScopesAreTheGatewaysScopes() throws Exception {
        String customer = JWT.token("c1", "mail.read", "mail.write", "quota.read");
        assertForbidden(call("POST", "/api/v1/accounts", customer));
        assertForbidden(call("DELETE", "/api/v1/accounts/a1", customer));
        assertForbidden(call("GET", "/api/v1/accounts/a1/messages", JWT.token("c1", "quota.read")));
        assertForbidden(call("POST", "/api/v1/accounts/a1/sent", JWT.token("c1", "mail.read")));
        assertForbidden(call("GET", "/api/v1/accounts/a1/quota", JWT.token("c1", "mail.read", "accounts.admin")));
        assertThat(call("POST", "/api/v1/accounts", JWT.token("ops", "accounts.admin")).statusCode())
                .as("admin passes the scope check (nothing is mapped here)").isNotIn(401, 403);
    }

    @Test
    void requestLinesThatAreNotUtf8Are400() throws Exception {
        String token = JWT.token("c1", "mail.read");
        for (String target : List.of("/api/v1/accounts/a1/changes?since=%ff%fe", "/api/v1/accounts/a1/changes?since=%c0%af",
                "/api/v1/accounts/%ff%fe/messages")) {
            HttpResponse<String> response = call("GET", target, token);
            assertThat(response.statusCode()).as(target).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("application/problem+json"));
        }
    }

    @Test
    void oversizedHeadersAreA4xxProblem() throws Exception {
        String port = server.getEnvironment().getRequiredProperty("local.server.port");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/accounts")).header("Authorization", "Bearer " + JWT.token("c1", "mail.read"))
                .header("X-Padding", "p".repeat(64 * 1024)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isIn(400, 413, 431);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer"));
    }

    private static void assertForbidden(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("scope");
    }

    private static HttpResponse<String> call(String method, String target, String token) throws Exception {
        String port = server.getEnvironment().getRequiredProperty("local.server.port");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
