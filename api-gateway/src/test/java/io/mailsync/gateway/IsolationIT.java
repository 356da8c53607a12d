package io.mailsync.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.testkit.JwtKit;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 16: one customer cannot hurt another at the gateway. A customer whose calls fail or hang pauses only its own
 * calls (its breaker and bulkhead), a client's malformed request is a 4xx that counts against no breaker, and the
 * other customers never see a 503.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + GatewayApplication.CONFIG_NAME,
                "mailsync.gateway.downstream.timeout=3s",
                "mailsync.gateway.downstream.sliding-window-size=10",
                "mailsync.gateway.downstream.minimum-number-of-calls=5",
                "mailsync.gateway.downstream.open-for=30s",
                "mailsync.gateway.downstream.max-concurrent-per-customer=4",
                "mailsync.gateway.rate-limit.per-customer=100000",
                "mailsync.gateway.rate-limit.per-client=100000"})
class IsolationIT {

    static final FakeService sync = new FakeService("sync");
    static final FakeService quota = new FakeService("quota");
    static final Broker broker = new Broker(GatewayTestSupport.names());
    static final String NOISY = JwtKit.shared().token("noisy", "mail.read", "mail.write", "quota.read");
    static final String SLOPPY = JwtKit.shared().token("sloppy", "mail.read", "mail.write", "quota.read");
    static final String QUIET = JwtKit.shared().token("quiet", "mail.read", "mail.write", "quota.read");

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, GatewayTestSupport.names(), sync, quota);
    }

    @BeforeAll
    static void accounts() {
        broker.accountRegistered("acc-noisy", "noisy");
        broker.accountRegistered("acc-quiet", "quiet");
        broker.accountRegistered("acc-sloppy", "sloppy");
    }

    @AfterEach
    void behave() {
        sync.behave();
    }

    @AfterAll
    static void stop() {
        sync.close();
        quota.close();
        broker.close();
    }

    private double openings(String scope) {
        return meters.find("mailsync.gateway.breaker.openings").tag("scope", scope).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    @Test
    void malformedRequestsAre400AndOpenNoBreaker() throws Exception {
        GatewayClient client = new GatewayClient(port);
        sync.clear();
        double before = openings("customer") + openings("route");
        // the reproduction: 40 requests with a malformed query once paused every caller
        for (String target : List.of("/api/v1/accounts/acc-sloppy/changes?since=%ff%fe",
                "/api/v1/accounts/acc-sloppy/changes?since=%zz", "/api/v1/accounts/acc-sloppy/messages?folder=%c0%af",
                "/api/v1/accounts/acc-sloppy/messages/%ff", "/api/v1/accounts/acc-sloppy/changes?since=%e2%82")) {
            for (int i = 0; i < 8; i++) {
                // raw HTTP: Java's URI refuses to send a malformed escape at all
                RawHttp.Answer answer = RawHttp.send(port, "GET", target, Map.of("Authorization", "Bearer " + SLOPPY),
                        null, false);
                assertThat(answer.status()).as(target).isEqualTo(400);
                assertThat(answer.headers().get("content-type")).as(target).startsWith("application/problem+json");
            }
        }
        assertThat(sync.received()).noneMatch(r -> r.path().contains("acc-sloppy"));
        assertThat(openings("customer") + openings("route")).isEqualTo(before);
        assertThat(client.get("/api/v1/accounts/acc-sloppy/changes?since=s1", SLOPPY).statusCode()).isEqualTo(200);
        assertThat(client.get("/api/v1/accounts/acc-quiet/changes?since=s1", QUIET).statusCode()).isEqualTo(200);
    }

    @Test
    void oneCustomersFailingCallsPauseOnlyThatCustomer() {
        GatewayClient client = new GatewayClient(port);
        sync.misbehaveFor("acc-noisy", Duration.ZERO, 500);
        int paused = 0;
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> noisy = client.get("/api/v1/accounts/acc-noisy/messages", NOISY);
            if (noisy.statusCode() == 503 && noisy.body().contains("paused")) {
                paused++;
            }
            HttpResponse<String> quiet = client.get("/api/v1/accounts/acc-quiet/messages", QUIET);
            assertThat(quiet.statusCode()).as("the quiet customer, request %d", i).isEqualTo(200);
        }
        assertThat(paused).as("the failing customer's own calls are paused").isGreaterThan(10);
        assertThat(openings("route")).as("no route-wide breaker opened").isZero();
        // a downstream 4xx is the client's business: it never opens the breaker
        sync.misbehaveFor("acc-quiet", Duration.ZERO, 404);
        for (int i = 0; i < 20; i++) {
            assertThat(client.get("/api/v1/accounts/acc-quiet/messages/x", QUIET).statusCode()).isEqualTo(404);
        }
        sync.behave();
        assertThat(client.get("/api/v1/accounts/acc-quiet/messages", QUIET).statusCode()).isEqualTo(200);
    }

    @Test
    void oneCustomersHangingCallsFillOnlyItsOwnBulkhead() throws Exception {
        GatewayClient client = new GatewayClient(port);
        sync.misbehaveFor("acc-noisy", Duration.ofSeconds(6), 200);
        ExecutorService noisyClients = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<HttpResponse<String>>> noisy = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            noisy.add(noisyClients.submit(() -> client.get("/api/v1/accounts/acc-noisy/devices/d1", NOISY)));
        }
        List<String> quiet = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = client.get("/api/v1/accounts/acc-quiet/devices/d1", QUIET);
            quiet.add(response.statusCode() == 200 ? "200" : response.statusCode() + " " + response.body());
        }
        List<Integer> noisyStatuses = new ArrayList<>();
        for (Future<HttpResponse<String>> f : noisy) {
            noisyStatuses.add(f.get().statusCode());
        }
        noisyClients.close();
        assertThat(quiet).as("the quiet customer meanwhile").containsOnly("200");
        assertThat(noisyStatuses).as("beyond 4 in flight the noisy customer gets 429 at once").contains(429);
        assertThat(noisyStatuses).doesNotContain(500);
    }
}
