package io.mailsync.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.testkit.JwtKit;
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

class RoutingIT extends SharedGateway {

    static final String TOKEN = JwtKit.shared().token("r1", "mail.read", "mail.write", "quota.read");
    static final String ALL = JwtKit.shared().token("admin", "mail.read", "mail.write", "quota.read",
            "accounts.admin", "webhooks.manage");
    static final String WEBHOOKS = JwtKit.shared().token("r1", "webhooks.manage");

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
        JsonNode paths = JsonMapper.builder().build().readTree(docs.body()).path("paths");
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                JsonNode op = operation.getValue();
                String concrete = path.getKey().replace("{accountId}", "acc-doc").replace("{messageId}", "m1")
                        .replace("{draftId}", "d1").replace("{id}", "wh_doc").replace("{eventId}", "acc-doc:s1")
                        + requiredQuery(op);
                // a JSON body, or a message/rfc822 one (sent copies, drafts)
                boolean rfc822 = op.path("requestBody").path("content").has("message/rfc822");
                String mediaType = rfc822 ? "message/rfc822" : "application/json";
                JsonNode example = op.path("requestBody").path("content").path(mediaType).path("examples")
                        .path(rfc822 ? "message" : "example").path("value");
                String body = rfc822 ? example.asString() : example.toString();
                body = body.isEmpty() ? null : body;
                operations.add(method + " " + path.getKey());
                assertThat(op.path("responses").path("200").isMissingNode()
                        && op.path("responses").path("201").isMissingNode()
                        && op.path("responses").path("202").isMissingNode()
                        && op.path("responses").path("204").isMissingNode()).as("success documented").isFalse();
                assertThat(op.path("responses").path("401").path("content").has("application/problem+json")).isTrue();

                sync.clear();
                quota.clear();
                webhooks.clear();
                if (concrete.endsWith("/events")) {
                    var stream = client.http().send(java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create(client.base() + concrete))
                            .header("Authorization", "Bearer " + ALL).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofLines());
                    assertThat(stream.statusCode()).as(concrete).isEqualTo(200);
                    assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
                    stream.body().close();
                } else {
                    HttpResponse<String> response = client.send(method, concrete, ALL, body, mediaType);
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
                "GET /api/v1/accounts/{accountId}/messages",
                "GET /api/v1/accounts/{accountId}/messages/{messageId}",
                "PATCH /api/v1/accounts/{accountId}/messages/{messageId}",
                "GET /api/v1/accounts/{accountId}/messages/{messageId}/raw",
                "GET /api/v1/accounts/{accountId}/changes",
                "GET /api/v1/accounts/{accountId}/quota",
                "GET /api/v1/accounts/{accountId}/quota/suggestions",
                "GET /api/v1/accounts/{accountId}/events",
                "POST /api/v1/accounts/{accountId}/messages/{messageId}/trash",
                "POST /api/v1/accounts/{accountId}/sent",
                "POST /api/v1/accounts/{accountId}/drafts",
                "PUT /api/v1/accounts/{accountId}/drafts/{draftId}",
                "DELETE /api/v1/accounts/{accountId}/drafts/{draftId}",
                "GET /api/v1/accounts/{accountId}/deleted",
                "POST /api/v1/accounts/{accountId}/deleted/{messageId}/restore",
                "POST /api/v1/webhooks", "GET /api/v1/webhooks",
                "GET /api/v1/webhooks/{id}", "DELETE /api/v1/webhooks/{id}",
                "POST /api/v1/webhooks/{id}/secret",
                "GET /api/v1/webhooks/{id}/deliveries",
                "POST /api/v1/webhooks/{id}/deliveries/{eventId}/redeliver");
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

    @Test
    void bodiesAreForwarded() {
        HttpResponse<String> response = new GatewayClient(port).send("PATCH", "/api/v1/accounts/a1/messages/m1",
                TOKEN, "{\"keywords\":{\"$seen\":true}}", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sync.last().method()).isEqualTo("PATCH");
        assertThat(new String(sync.last().body())).isEqualTo("{\"keywords\":{\"$seen\":true}}");
    }
}
