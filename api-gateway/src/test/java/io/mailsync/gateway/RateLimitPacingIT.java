package io.mailsync.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.MongoKit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 16 (R17): a customer sending faster than its limit is slowed to it, not refused and not admitted in a burst
 * each period. Its tokens come back one at a time; a request over the limit whose token is due within
 * {@code rate-limit.max-delay} waits for it and goes on.
 */
class RateLimitPacingIT {

    static final FakeService sync = new FakeService("sync");
    static final FakeService quota = new FakeService("quota");
    static ConfigurableApplicationContext gateway;
    static GatewayClient client;

    @BeforeAll
    static void start() {
        gateway = GatewayApplication.builder().run(GatewayTestSupport.args(GatewayTestSupport.names(), sync, quota,
                MongoKit.uriForNewDatabase("gateway"),
                "--mailsync.gateway.rate-limit.per-customer=10",
                "--mailsync.gateway.rate-limit.period=1s",
                "--mailsync.gateway.rate-limit.max-delay=1s"));
        client = new GatewayClient(Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port")));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        sync.close();
        quota.close();
    }

    @Test
    void aCustomerOverItsLimitIsPacedToItNotRefused() throws Exception {
        String token = JwtKit.shared().token("pacing-customer", "mail.read");
        List<Long> answeredAt = Collections.synchronizedList(new ArrayList<>());
        List<Future<Integer>> statuses = new ArrayList<>();
        long start = System.nanoTime();
        try (ExecutorService eightAtOnce = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 30; i++) { // three times the limit, as fast as eight connections go
                statuses.add(eightAtOnce.submit(() -> {
                    int status = client.get("/api/v1/accounts", token).statusCode();
                    answeredAt.add(System.nanoTime() - start);
                    return status;
                }));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).as("waited for its turn, then answered").isEqualTo(200);
            }
        }
        List<Long> times = new ArrayList<>(answeredAt);
        Collections.sort(times);
        Duration afterTheFirstTen = Duration.ofNanos(times.getLast() - times.get(9));
        assertThat(afterTheFirstTen).as("20 more at 10/s").isGreaterThan(Duration.ofMillis(1_700));
        for (int i = 10; i + 4 < times.size(); i++) {
            assertThat(Duration.ofNanos(times.get(i + 4) - times.get(i))).as("five answers past the limit: paced, "
                    + "not a burst when a period begins (answers at %s ns)", times)
                    .isGreaterThan(Duration.ofMillis(250));
        }
        assertThat(sync.received()).hasSize(30);
    }
}
