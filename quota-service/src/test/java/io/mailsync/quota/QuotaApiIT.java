package io.mailsync.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.openapi.DocumentedStatuses;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/v1/accounts/{id}/quota} as a client calls it: a bearer JWT, JSON back, problem+json on errors. */
@ExtendWith(DocumentedStatuses.Check.class) // issue 19: every status answered is documented
class QuotaApiIT {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();
    private static QuotaInstance quota;
    private static Wire wire;
    private static String accountId;
    private static String customer;

    @BeforeAll
    static void anAccountAtEightyFivePercentThatWasTold() {
        quota = SharedQuota.instance();
        wire = SharedQuota.wire();
        accountId = "acc-" + UUID.randomUUID();
        customer = "cust-" + UUID.randomUUID();
        wire.account(accountId, customer, accountId + "@home.example", Wire.GIB, 1_000L);
        wire.usage(accountId, 85, Instant.now());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Inbox.of(GreenMailKit.server(), accountId + "@home.example").size() == 1);
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        int port = path.startsWith("/actuator") ? quota.managementPort() : quota.port();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> quotaOf(String account, String token) throws Exception {
        return get("/api/v1/accounts/" + account + "/quota", token);
    }

    @Test
    void theOwnerSeesUsageLimitPercentLevelAndTheLastNotice() throws Exception {
        HttpResponse<String> response = quotaOf(accountId, JwtKit.shared().token(customer, "quota.read"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("accountId").asString()).isEqualTo(accountId);
        JsonNode storage = body.path("resources").path("STORAGE");
        assertThat(storage.path("used").asLong()).isEqualTo(Math.round(0.85 * Wire.GIB));
        assertThat(storage.path("limit").asLong()).isEqualTo(Wire.GIB);
        assertThat(storage.path("percent").asDouble()).isEqualTo(85.0);
        assertThat(storage.path("level").asInt()).isEqualTo(80);
        JsonNode messages = body.path("resources").path("MESSAGE");
        assertThat(messages.path("used").asLong()).isEqualTo(10);
        assertThat(messages.path("percent").asDouble()).isEqualTo(1.0);
        assertThat(body.path("currentLevel").asInt()).isEqualTo(80);
        assertThat(body.path("lastNotice").path("kind").asString()).isEqualTo("LEVEL");
        assertThat(body.path("lastNotice").path("level").asInt()).isEqualTo(80);
        assertThat(body.path("lastNotice").path("sentAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(body.has("forecastFullAt")).isTrue();
    }

    @Test
    void anAdminMaySeeAnyAccount() throws Exception {
        // accounts.admin reaches any customer's account; reading a quota still takes quota.read, as at the gateway
        assertThat(quotaOf(accountId, JwtKit.shared().token("ops", "accounts.admin", "quota.read")).statusCode())
                .isEqualTo(200);
        assertThat(quotaOf(accountId, JwtKit.shared().token("ops", "accounts.admin")).statusCode()).isEqualTo(403);
    }

    @Test
    void anotherCustomersAccountIsNotFoundNotForbidden() throws Exception {
        HttpResponse<String> response = quotaOf(accountId, JwtKit.shared().token("someone-else", "quota.read"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).path("status").asInt()).isEqualTo(404);
        assertThat(quotaOf("acc-nobody", JwtKit.shared().token(customer, "quota.read")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void pathsTomcatRefusesBeforeSpringAreProblemsToo() throws Exception {
        for (String segment : new String[] {"%00", "%5C", "%2F", "a%5Cb"}) {
            HttpResponse<String> response = get("/api/v1/accounts/" + segment + "/quota",
                    JwtKit.shared().token(customer, "quota.read"));
            assertThat(response.statusCode()).as(segment).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(segment).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json.readTree(response.body()).path("status").asInt()).isEqualTo(400);
            assertThat(response.body()).doesNotContain("Tomcat");
        }
    }

    @Test
    void withoutTheScopeOrATokenTheAnswerIsAProblem() throws Exception {
        HttpResponse<String> noScope = quotaOf(accountId, JwtKit.shared().token(customer, "mail.read"));
        assertThat(noScope.statusCode()).isEqualTo(403);
        assertThat(noScope.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(noScope.body()).path("detail").asString()).contains("quota.read");

        HttpResponse<String> noToken = quotaOf(accountId, null);
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(json.readTree(noToken.body()).path("status").asInt()).isEqualTo(401);

        HttpResponse<String> expired = quotaOf(accountId,
                JwtKit.shared().token(customer, Duration.ofSeconds(-120), "quota.read"));
        assertThat(expired.statusCode()).isEqualTo(401);
    }

    @Test
    void healthAndTheAlertsSentCounterNeedNoToken() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
        HttpResponse<String> metrics = get("/actuator/prometheus", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).containsPattern("mailsync_quota_alerts_sent_total\\{[^}]*kind=\"level-80\"");
    }
}
