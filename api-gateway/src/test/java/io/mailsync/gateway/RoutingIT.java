package io.mailsync.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.testkit.JwtKit;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RoutingIT extends SharedGateway {

    static final String TOKEN = JwtKit.shared().token("r1", "mail.read", "mail.write", "quota.read");
    static final String WEBHOOKS = JwtKit.shared().token("r1", "webhooks.manage");
    /** Issue 22's mail-host operations as a caller of their own: the documented operations outgrew one's rate limit. */
    static final String OPERATOR = JwtKit.shared().token("operator", "accounts.admin");

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void clear() {
        sync.clear();
        quota.clear();
        webhooks.clear();
    }

    @Test
    void messagesGoToSyncServiceWithPathQueryAndAuthorization() {
        HttpResponse<String> response = new GatewayClient(port)
                .get("/api/v1/accounts/a1/messages?folder=INBOX&limit=5&cursor=abc%3D", TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"service\":\"sync\"");
        assertThat(sync.last().path()).isEqualTo("/api/v1/accounts/a1/messages");
        assertThat(sync.last().query()).contains("folder=INBOX").contains("limit=5").contains("cursor=abc%3D");
        assertThat(sync.last().header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(quota.received()).isEmpty();
    }

    /**
     * Spring Security would observe each filter of its chain, the authentication and the authorization: timers and
     * spans that cost a fifth of a proxied request's CPU (issue 16's R17 profile). Off in every service
     * (service-support's defaults); the request itself is still timed.
     */
    @Test
    void aRequestIsTimedButSpringSecurityDoesNotObserveEachOfItsFilters() {
        assertThat(new GatewayClient(port).get("/api/v1/accounts/a1/messages", TOKEN).statusCode()).isEqualTo(200);

        assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
        assertThat(meters.getMeters()).extracting(m -> m.getId().getName())
                .noneMatch(name -> name.startsWith("spring.security"));
    }

    @Test
    void quotaGoesToQuotaService() {
        HttpResponse<String> response = new GatewayClient(port).get("/api/v1/accounts/a1/quota", TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(quota.last().path()).isEqualTo("/api/v1/accounts/a1/quota");
        assertThat(sync.received()).isEmpty();
    }

    @Test
    void webhooksGoToWebhookServiceWithBodyAndAuthorization() {
        GatewayClient client = new GatewayClient(port);
        HttpResponse<String> created = client.send("POST", "/api/v1/webhooks", WEBHOOKS,
                "{\"url\":\"https://partner.example/hook\",\"events\":[\"account.state\"]}", "application/json");

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("\"service\":\"webhooks\"");
        assertThat(webhooks.last().method()).isEqualTo("POST");
        assertThat(webhooks.last().path()).isEqualTo("/api/v1/webhooks");
        assertThat(new String(webhooks.last().body())).contains("https://partner.example/hook");
        assertThat(webhooks.last().header("Authorization")).isEqualTo("Bearer " + WEBHOOKS);

        HttpResponse<String> redeliver = client.send("POST",
                "/api/v1/webhooks/wh_1/deliveries/acc-1%3As42/redeliver", WEBHOOKS, (String) null,
                "application/json");
        assertThat(redeliver.statusCode()).isEqualTo(200);
        assertThat(webhooks.last().path()).isEqualTo("/api/v1/webhooks/wh_1/deliveries/acc-1%3As42/redeliver");
        assertThat(sync.received()).isEmpty();
        assertThat(quota.received()).isEmpty();
    }

    @Test
    void webhooksNeedTheirScopeAtTheGateway() {
        HttpResponse<String> response = new GatewayClient(port).get("/api/v1/webhooks", TOKEN);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("webhooks.manage");
        assertThat(webhooks.received()).isEmpty();
    }

    @Test
    void aWebhookServiceThatIsDownAnswers503AndLeavesTheOtherRoutesServed() {
        webhooks.stop();
        try {
            HttpResponse<String> down = new GatewayClient(port).get("/api/v1/webhooks", WEBHOOKS);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Retry-After")).isPresent();
            assertThat(down.body()).contains("webhook-service");

            assertThat(new GatewayClient(port).get("/api/v1/accounts/a1/quota", TOKEN).statusCode()).isEqualTo(200);
        } finally {
            webhooks.restart();
        }
    }

    @Test
    void everyDocumentedOperationIsRoutedAndNeedsItsDocumentedScope() throws Exception {
        GatewayClient client = new GatewayClient(port);
        HttpResponse<String> docs = client.get("/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode document = JsonMapper.builder().build().readTree(docs.body());
        JsonNode paths = document.path("paths");
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                JsonNode op = operation.getValue();
                String concrete = path.getKey().replace("{accountId}", "acc-doc").replace("{messageId}", "m1")
                        .replace("{draftId}", "d1").replace("{deviceId}", "dev1").replace("{partId}", "2")
                        .replace("{person}", "cust-77")
                        .replace("{id}", "wh_doc").replace("{eventId}", "acc-doc:s1").replace("{hostId}", "isp-doc")
                        + requiredQuery(op);
                // a JSON body, or a message/rfc822 one (sent copies, drafts)
                boolean rfc822 = op.path("requestBody").path("content").has("message/rfc822");
                String mediaType = rfc822 ? "message/rfc822" : "application/json";
                JsonNode example = op.path("requestBody").path("content").path(mediaType).path("example");
                String body = rfc822 ? example.asString() : example.toString();
                body = body.isEmpty() ? null : body;
                operations.add(method + " " + path.getKey());
                if ("none".equals(op.path("x-required-scope").asString())) { // RFC 9728's metadata: no token at all
                    assertThat(client.get(concrete, null).statusCode()).as(concrete).isEqualTo(200);
                    continue;
                }
                // a caller per operation: more operations than one customer's per-minute limit (SharedGateway)
                String all = JwtKit.shared().token("admin-" + operations.size(), "mail.read", "mail.write",
                        "quota.read", "accounts.admin", "webhooks.manage");
                assertThat(op.path("responses").path("200").isMissingNode()
                        && op.path("responses").path("201").isMissingNode()
                        && op.path("responses").path("202").isMissingNode()
                        && op.path("responses").path("204").isMissingNode()).as("success documented").isFalse();
                JsonNode unauthorized = op.path("responses").path("401");
                if (unauthorized.has("$ref")) { // the gateway's answers are shared components (ADR 0018)
                    unauthorized = document.path("components").path("responses")
                            .path(unauthorized.path("$ref").asString().replace("#/components/responses/", ""));
                }
                assertThat(unauthorized.path("content").has("application/problem+json")).isTrue();

                sync.clear();
                quota.clear();
                webhooks.clear();
                if (concrete.endsWith("/events")) {
                    var stream = client.http().send(java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create(client.base() + concrete))
                            .header("Authorization", "Bearer " + all).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofLines());
                    assertThat(stream.statusCode()).as(concrete).isEqualTo(200);
                    assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
                    stream.body().close();
                } else {
                    HttpResponse<String> response = client.send(method, concrete,
                            concrete.startsWith("/api/v1/mail-hosts") ? OPERATOR : all, body, mediaType);
                    assertThat(response.statusCode()).as(method + " " + concrete).isEqualTo(200);
                    // suggestions list messages, which sync-service holds; the rest of /quota is quota-service's
                    FakeService target = path.getKey().startsWith("/api/v1/webhooks") ? webhooks
                            : path.getKey().contains("/quota") && !path.getKey().endsWith("/suggestions") ? quota : sync;
                    assertThat(target.received()).as(method + " " + concrete).hasSize(1);
                    assertThat(target.last().method()).isEqualTo(method);
                    assertThat(target.last().path()).isEqualTo(concrete.split("\\?")[0]);
                }

                String scope = op.path("x-required-scope").asString();
                if (!"any".equals(scope)) {
                    String[] others = Stream.of("mail.read", "mail.write", "quota.read", "accounts.admin",
                            "webhooks.manage")
                            .filter(s -> !s.equals(scope)).toArray(String[]::new);
                    assertThat(client.send(method, concrete, JwtKit.shared().token("c1", others), body,
                            mediaType).statusCode()).as(method + " " + concrete + " without " + scope)
                            .isEqualTo(403);
                }
            }
        }
        assertThat(operations).containsExactlyInAnyOrder(
                "POST /api/v1/accounts", "GET /api/v1/accounts",
                "GET /api/v1/accounts/{accountId}", "DELETE /api/v1/accounts/{accountId}",
                "PATCH /api/v1/accounts/{accountId}",
                "POST /api/v1/accounts/{accountId}/devices",
                "GET /api/v1/accounts/{accountId}/devices/{deviceId}",
                "GET /api/v1/accounts/{accountId}/messages",
                "GET /api/v1/accounts/{accountId}/messages/{messageId}",
                "PATCH /api/v1/accounts/{accountId}/messages/{messageId}",
                "GET /api/v1/accounts/{accountId}/messages/{messageId}/raw",
                "GET /api/v1/accounts/{accountId}/messages/{messageId}/structure",
                "GET /api/v1/accounts/{accountId}/messages/{messageId}/attachments/{partId}",
                "GET /api/v1/accounts/{accountId}/changes",
                "GET /api/v1/accounts/{accountId}/quota",
                "GET /api/v1/accounts/{accountId}/quota/suggestions",
                "GET /api/v1/accounts/{accountId}/events",
                "POST /api/v1/accounts/{accountId}/messages/{messageId}/trash",
                "POST /api/v1/accounts/{accountId}/sent",
                "POST /api/v1/accounts/{accountId}/drafts",
                "POST /api/v1/accounts/{accountId}/grants", "GET /api/v1/accounts/{accountId}/grants",
                "DELETE /api/v1/accounts/{accountId}/grants/{person}",
                "GET /api/v1/accounts/{accountId}/read-state", "PUT /api/v1/accounts/{accountId}/read-state",
                "GET /api/v1/accounts/{accountId}/audit",
                "PUT /api/v1/accounts/{accountId}/drafts/{draftId}",
                "DELETE /api/v1/accounts/{accountId}/drafts/{draftId}",
                "GET /api/v1/accounts/{accountId}/deleted",
                "POST /api/v1/accounts/{accountId}/deleted/{messageId}/restore",
                "POST /api/v1/webhooks", "GET /api/v1/webhooks",
                "GET /api/v1/webhooks/{id}", "DELETE /api/v1/webhooks/{id}",
                "POST /api/v1/webhooks/{id}/secret",
                "GET /api/v1/webhooks/{id}/deliveries",
                "POST /api/v1/webhooks/{id}/deliveries/{eventId}/redeliver",
                "GET /api/v1/mail-hosts", "PUT /api/v1/mail-hosts/{hostId}", "GET /api/v1/mail-hosts/{hostId}",
                "DELETE /api/v1/mail-hosts/{hostId}", "GET /.well-known/oauth-protected-resource");
    }

    /** Issue 19: what clients read at /v3/api-docs is the checked-in document api-client is generated from. */
    @Test
    void theServedDocumentIsTheCheckedInOne() {
        tools.jackson.databind.node.ObjectNode served = (tools.jackson.databind.node.ObjectNode) JsonMapper.builder()
                .build().readTree(new GatewayClient(port).get("/v3/api-docs", null).body());
        served.remove("servers"); // springdoc names the server it was asked on
        assertThat(io.mailsync.testkit.openapi.PublicApiDocument.differences(
                io.mailsync.testkit.openapi.PublicApiDocument.load(), served)).isEmpty();
    }

    @Test
    void swaggerUiIsServed() {
        HttpResponse<String> ui = new GatewayClient(port).get("/swagger-ui/index.html", null);
        assertThat(ui.statusCode()).isEqualTo(200);
    }

    private static String requiredQuery(JsonNode op) {
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : op.path("parameters")) {
            if ("query".equals(parameter.path("in").asString()) && parameter.path("required").asBoolean()) {
                query.append(query.isEmpty() ? "?" : "&").append(parameter.path("name").asString()).append('=')
                        .append(parameter.path("example").asString());
            }
        }
        return query.toString();
    }

    /** Issue 19: reading one device is a read — a mail.read token is let through, one without mail.read is not. */
    @Test
    void readingADeviceNeedsMailRead() {
        GatewayClient client = new GatewayClient(port);
        HttpResponse<String> read = client.get("/api/v1/accounts/a1/devices/dev1", JwtKit.shared().token("r1",
                "mail.read"));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(sync.last().path()).isEqualTo("/api/v1/accounts/a1/devices/dev1");

        sync.clear();
        HttpResponse<String> writeOnly = client.get("/api/v1/accounts/a1/devices/dev1", JwtKit.shared().token("r1",
                "mail.write", "quota.read"));
        assertThat(writeOnly.statusCode()).isEqualTo(403);
        assertThat(writeOnly.body()).contains("mail.read");
        assertThat(sync.received()).isEmpty();
    }

    @Test
    void bodiesAreForwarded() {
        HttpResponse<String> response = new GatewayClient(port).send("PATCH", "/api/v1/accounts/a1/messages/m1",
                TOKEN, "{\"keywords\":{\"$seen\":true}}", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sync.last().method()).isEqualTo("PATCH");
        assertThat(new String(sync.last().body())).isEqualTo("{\"keywords\":{\"$seen\":true}}");
    }
}
