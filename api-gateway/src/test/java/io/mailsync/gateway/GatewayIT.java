package io.mailsync.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.JwtKit;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Security at the edge: token, scope, tenant, rate and size, all answered as problem+json by the gateway. */
class GatewayIT extends SharedGateway {

    /** Every account route of the contract, with its method and the scope it needs. */
    record Call(String method, String path, String scope, String body) {
    }

    static List<Call> accountRoutes(String id) {
        String a = "/api/v1/accounts/" + id;
        return List.of(
                new Call("GET", a, null, null),
                new Call("DELETE", a, "accounts.admin", null),
                new Call("POST", a + "/devices", "mail.write", "{\"name\":\"phone\"}"),
                new Call("GET", a + "/messages?folder=INBOX&limit=10", "mail.read", null),
                new Call("GET", a + "/messages/m1", "mail.read", null),
                new Call("GET", a + "/messages/m1/raw", "mail.read", null),
                new Call("PATCH", a + "/messages/m1", "mail.write", "{\"keywords\":{\"$seen\":true}}"),
                new Call("GET", a + "/changes?since=s1&maxChanges=50", "mail.read", null),
                new Call("GET", a + "/quota", "quota.read", null),
                new Call("GET", a + "/events", "mail.read", null));
    }

    GatewayClient client;

    @BeforeAll
    static void accounts() {
        broker.accountRegistered("acc-c1", "c1");
        broker.accountRegistered("acc-c2", "c2");
    }

    @BeforeEach
    void setUp() {
        client = new GatewayClient(port);
        sync.clear();
        quota.clear();
        // the directory is read from the broker: wait until the gateway knows acc-c1 belongs to c1
        await().atMost(Duration.ofSeconds(20)).until(() ->
                client.get("/api/v1/accounts/acc-c1", jwt.token("probe", "mail.read")).statusCode() == 404);
        sync.clear();
    }

    @Test
    void noTokenIs401ProblemOnEveryRoute() {
        for (Call call : accountRoutes("acc-c1")) {
            HttpResponse<String> response = client.send(call.method(), call.path(), null, call.body(),
                    "application/json");
            assertThat(response.statusCode()).as(call.toString()).isEqualTo(401);
            assertProblem(response, 401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("Bearer"));
        }
        assertThat(sync.received()).isEmpty();
        assertThat(quota.received()).isEmpty();
    }

    @Test
    void aForgedOrExpiredTokenIs401() {
        String forged = new JwtKit(tempFile()).token("c1", "mail.read");
        assertThat(client.get("/api/v1/accounts/acc-c1/messages", forged).statusCode()).isEqualTo(401);
        String expired = jwt.token("c1", Duration.ofSeconds(-120), "mail.read");
        assertThat(client.get("/api/v1/accounts/acc-c1/messages", expired).statusCode()).isEqualTo(401);
        assertThat(client.get("/api/v1/accounts/acc-c1/messages", "not-a-jwt").statusCode()).isEqualTo(401);
        assertThat(sync.received()).isEmpty();
    }

    @Test
    void wrongScopeIs403ProblemOnEveryScopedRoute() {
        for (Call call : accountRoutes("acc-c1")) {
            if (call.scope() == null) {
                continue;
            }
            String everythingElse = jwt.token("c1", List.of("mail.read", "mail.write", "quota.read", "accounts.admin")
                    .stream().filter(s -> !s.equals(call.scope())).toArray(String[]::new));
            HttpResponse<String> response = client.send(call.method(), call.path(), everythingElse, call.body(),
                    "application/json");
            assertThat(response.statusCode()).as(call.toString()).isEqualTo(403);
            assertProblem(response, 403);
        }
        assertThat(client.send("POST", "/api/v1/accounts", jwt.token("c1", "mail.read", "mail.write"),
                "{}", "application/json").statusCode()).isEqualTo(403);
        assertThat(sync.received()).isEmpty();
        assertThat(quota.received()).isEmpty();
    }

    @Test
    void anotherCustomersAccountIs404OnEveryRoute() {
        String c2 = jwt.token("c2", "mail.read", "mail.write", "quota.read");
        for (Call call : accountRoutes("acc-c1")) {
            if ("accounts.admin".equals(call.scope())) {
                continue;
            }
            HttpResponse<String> response = client.send(call.method(), call.path(), c2, call.body(),
                    "application/json");
            assertThat(response.statusCode()).as(call.toString()).isEqualTo(404);
            assertProblem(response, 404);
        }
        assertThat(sync.received()).isEmpty();
        assertThat(quota.received()).isEmpty();
    }

    @Test
    void ownAccountIsRoutedWithTheTokenForwarded() {
        String c1 = jwt.token("c1-own", "mail.read");
        broker.accountRegistered("acc-own", "c1-own");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                client.get("/api/v1/accounts/acc-own", jwt.token("probe2", "mail.read")).statusCode() == 404);
        sync.clear();

        HttpResponse<String> response = client.get("/api/v1/accounts/acc-own/messages?limit=2", c1);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sync.last().header("Authorization")).isEqualTo("Bearer " + c1);
    }

    @Test
    void adminMayReachAnyAccountAndProvision() {
        String admin = jwt.token("provisioning", "accounts.admin", "mail.read");
        assertThat(client.get("/api/v1/accounts/acc-c2/messages", admin).statusCode()).isEqualTo(200);
        assertThat(client.send("POST", "/api/v1/accounts", admin, "{\"customerId\":\"c9\"}", "application/json")
                .statusCode()).isEqualTo(200);
        assertThat(client.send("DELETE", "/api/v1/accounts/acc-c2", admin, (byte[]) null, null).statusCode())
                .isEqualTo(200);
        assertThat(sync.received()).extracting(FakeService.Received::method).containsExactly("GET", "POST", "DELETE");
    }

    @Test
    void aRemovedAccountNoLongerBelongsToAnyone() {
        broker.accountRegistered("acc-gone", "c1");
        String c2 = jwt.token("c2", "mail.read");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                client.get("/api/v1/accounts/acc-gone/messages", c2).statusCode() == 404);

        broker.accountRemoved("acc-gone");

        // unknown to the gateway again: the service decides (and answers 404 itself for a missing account)
        await().atMost(Duration.ofSeconds(10)).until(() ->
                client.get("/api/v1/accounts/acc-gone/messages", c2).statusCode() == 200);
    }

    @Test
    void tooManyRequestsFromOneClientIs429WithRetryAfter() {
        String greedy = jwt.token("greedy", "mail.read");
        for (int i = 0; i < 30; i++) {
            assertThat(client.get("/api/v1/accounts", greedy).statusCode()).isEqualTo(200);
        }
        long start = System.nanoTime();
        HttpResponse<String> last = client.get("/api/v1/accounts", greedy);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("held for rate-limit.max-delay before the 429")
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertProblem(last, 429);
        assertThat(last.headers().firstValue("Retry-After")).as("until its next token, after the hold")
                .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 59L));
        assertThat(sync.received()).hasSize(30);
        // another client is not affected
        assertThat(client.get("/api/v1/accounts", jwt.token("modest", "mail.read")).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedRequestsCountAgainstTheirCustomersLimit() {
        String sloppy = jwt.token("sloppy", "mail.read");
        String malformed = "/api/v1/accounts/acc-sloppy/changes?since=%ff%fe";
        for (int i = 0; i < 30; i++) {
            assertThat(client.get(malformed, sloppy).statusCode()).as("request %d", i).isEqualTo(400);
        }
        HttpResponse<String> over = client.get(malformed, sloppy);
        assertThat(over.statusCode()).as("the 31st: over the customer's 30, no token due within the hold")
                .isEqualTo(429);
        assertProblem(over, 429);
        assertThat(over.headers().firstValue("Retry-After")).isPresent();
        assertThat(client.get("/api/v1/accounts", sloppy).statusCode()).as("one bucket for all its requests")
                .isEqualTo(429);
        assertThat(client.get(malformed, "not-a-token").statusCode()).as("no verified caller: nobody to count for")
                .isEqualTo(400);
        assertThat(sync.received()).isEmpty();
    }

    @Test
    void tooLargeBodiesAre413BeforeReachingTheService() {
        String writer = jwt.token("c1", "mail.write");
        byte[] big = new byte[65 * 1024];
        HttpResponse<String> response = client.send("PATCH", "/api/v1/accounts/acc-c1/messages/m1", writer, big,
                "application/json");
        assertThat(response.statusCode()).isEqualTo(413);
        assertProblem(response, 413);
        assertThat(sync.received()).isEmpty();
    }

    @Test
    void formsAndWildcardContentTypesAre415() {
        String writer = jwt.token("c1-forms", "mail.write");
        for (String type : List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "*/*")) {
            HttpResponse<String> response = client.send("PATCH", "/api/v1/accounts/acc-c1/messages/m1", writer,
                    "a=%zz", type);
            assertThat(response.statusCode()).as(type).isEqualTo(415);
            assertProblem(response, 415);
        }
        assertThat(sync.received()).isEmpty();
    }

    @Test
    void unknownPathsAreProblems() {
        HttpResponse<String> response = client.get("/nowhere", jwt.token("c1", "mail.read"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertProblem(response, 404);
    }

    @Test
    void browsersFromAnAllowedOriginMayCall() throws Exception {
        java.net.http.HttpRequest preflight = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(client.base() + "/api/v1/accounts/acc-c1/messages/m1"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://portal.example")
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,content-type,x-device-id").build();
        HttpResponse<String> allowed = client.http().send(preflight, HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://portal.example");

        java.net.http.HttpRequest other = java.net.http.HttpRequest.newBuilder(preflight.uri())
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "PATCH").build();
        HttpResponse<String> refused = client.http().send(other, HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(sync.received()).isEmpty();
    }

    @Test
    void requestsAreCountedByRouteAndStatus() {
        client.get("/api/v1/accounts/acc-c1/quota", jwt.token("metrics", "mail.read"));
        GatewayClient management = new GatewayClient(managementPort);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(management.get("/actuator/prometheus",
                null).body()).contains("mailsync_gateway_requests_seconds_count{application=\"api-gateway\","
                + "route=\"quota-service\",status=\"403\"}"));
    }

    @Test
    void healthIsOpenOnTheManagementPortAndNotServedOnThePublicOne() {
        assertThat(new GatewayClient(managementPort).get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(client.get("/actuator/health", null).statusCode()).isNotEqualTo(200);
        assertThat(client.get("/actuator/prometheus", null).statusCode()).isNotEqualTo(200);
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status).doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    private static java.nio.file.Path tempFile() {
        try {
            return java.nio.file.Files.createTempFile("other-key", ".pem");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
