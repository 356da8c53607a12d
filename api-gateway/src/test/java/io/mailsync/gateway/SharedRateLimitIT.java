package io.mailsync.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.TopicNames;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.MongoKit;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 16: rate limits hold across gateway replicas. Two gateways share one MongoDB; a customer sending twice its
 * limit, half to each, still gets exactly its limit through and 429 for the rest — per customer and, separately,
 * per client application (all its customers together) — with the RateLimit headers on every answer.
 */
class SharedRateLimitIT {

    static final FakeService sync = new FakeService("sync");
    static final FakeService quota = new FakeService("quota");
    static final JwtKit jwt = JwtKit.shared();
    static final List<ConfigurableApplicationContext> gateways = new ArrayList<>();
    static final List<GatewayClient> clients = new ArrayList<>();

    @BeforeAll
    static void twoReplicas() {
        TopicNames names = GatewayTestSupport.names();
        String store = MongoKit.uriForNewDatabase("gateway");
        for (int i = 0; i < 2; i++) {
            ConfigurableApplicationContext gateway = GatewayApplication.builder().run(GatewayTestSupport.args(names, sync, quota, store,
                            "--mailsync.gateway.rate-limit.per-customer=20",
                            "--mailsync.gateway.rate-limit.per-client=30",
                            "--mailsync.gateway.rate-limit.period=10m",
                            // the counting is under test here, not how long a refusal is held (OverLimitHoldTest)
                            "--mailsync.gateway.rate-limit.max-delay=0"));
            gateways.add(gateway);
            clients.add(new GatewayClient(Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"))));
        }
    }

    @AfterAll
    static void stop() {
        gateways.forEach(ConfigurableApplicationContext::close);
        sync.close();
        quota.close();
    }

    @Test
    void aCustomersLimitHoldsAcrossReplicas() {
        String token = jwt.token("rl-customer", "mail.read");
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 40; i++) { // 2 × the limit, alternating replicas
            last = clients.get(i % 2).get("/api/v1/accounts", token);
            statuses.add(last.statusCode());
            assertThat(last.headers().firstValue("RateLimit-Policy"))
                    .hasValue("\"customer\";q=20;w=600, \"client\";q=30;w=600, \"bytes\";q=2097152;w=600");
            assertThat(last.headers().firstValue("RateLimit")).isPresent();
        }
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(20);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(20);
        assertThat(statuses.subList(0, 20)).containsOnly(200);
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isBetween(1L, 600L));
        assertThat(last.headers().firstValue("RateLimit")).hasValueSatisfying(
                v -> assertThat(v).startsWith("\"customer\";r=0;t="));
        GatewayIT.assertProblem(last, 429);
    }

    @Test
    void aCustomersRequestBodiesCountAgainstItsByteBudgetOnEveryReplica() {
        String token = jwt.token("rl-bytes", "mail.write");
        List<Integer> statuses = new ArrayList<>();
        int i = 0;
        for (int kib : new int[] {900, 900, 240, 900}) { // 2 MiB per period, alternating replicas: 8 KiB left
            statuses.add(clients.get(i++ % 2).send("PATCH", "/api/v1/accounts/acc-b/messages/m1", token,
                    new byte[kib * 1024], "application/json").statusCode());
        }
        assertThat(statuses).containsExactly(200, 200, 200, 429);
        // more than is left, but within one request's share of the budget (2 MiB / 20 requests): no bytes counted
        assertThat(clients.get(1).send("PATCH", "/api/v1/accounts/acc-b/messages/m1", token, new byte[16 * 1024],
                "application/json").statusCode()).isEqualTo(200);
        // requests without a body cost no bytes; another customer is not affected
        assertThat(clients.get(1).get("/api/v1/accounts", token).statusCode()).isEqualTo(200);
        assertThat(clients.get(1).get("/api/v1/accounts", jwt.token("rl-other", "mail.read")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aClientApplicationsLimitHoldsForAllItsCustomersTogether() {
        int passed = 0;
        for (int i = 0; i < 60; i++) { // 60 customers of one app, one request each, across both replicas
            String token = jwt.tokenOfClient("partner-app", "rl-app-customer-" + i, "mail.read");
            if (clients.get(i % 2).get("/api/v1/accounts", token).statusCode() == 200) {
                passed++;
            }
        }
        assertThat(passed).as("the app's limit, not each customer's").isEqualTo(30);
        // another application's customers are not affected
        assertThat(clients.get(0).get("/api/v1/accounts", jwt.tokenOfClient("other-app", "c-x", "mail.read"))
                .statusCode()).isEqualTo(200);
    }
}
