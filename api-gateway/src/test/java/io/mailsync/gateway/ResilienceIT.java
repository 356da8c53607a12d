package io.mailsync.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.JwtKit;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A downstream outage answers 503 problem+json quickly; the circuit breaker stops calling and recovers. The time
 * limit is for the answer's headers: a download that keeps flowing is streamed for as long as the proxy's longest
 * transfer ({@code spring.http.clients.read-timeout}) allows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + GatewayApplication.CONFIG_NAME,
                "mailsync.gateway.downstream.timeout=1s",
                "spring.http.clients.read-timeout=4s",
                "mailsync.gateway.downstream.sliding-window-size=4",
                "mailsync.gateway.downstream.minimum-number-of-calls=4",
                "mailsync.gateway.downstream.open-for=2s"})
@ExtendWith(OutputCaptureExtension.class)
class ResilienceIT {

    static final FakeService sync = new FakeService("sync");
    static final FakeService quota = new FakeService("quota");
    static final String TOKEN = JwtKit.shared().token("admin", "accounts.admin", "mail.read", "quota.read");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, GatewayTestSupport.names(), sync, quota);
    }

    @AfterAll
    static void stop() {
        sync.close();
        quota.close();
    }

    @Test
    void aStoppedServiceAnswers503FastThenTheBreakerOpensAndRecovers() {
        GatewayClient client = new GatewayClient(port);
        quota.stop();

        long start = System.nanoTime();
        HttpResponse<String> down = client.get("/api/v1/accounts/a1/quota", TOKEN);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(down.statusCode()).isEqualTo(503);
        GatewayIT.assertProblem(down, 503);
        assertThat(down.body()).contains("quota-service");
        assertThat(down.headers().firstValue("Retry-After")).isPresent();
        assertThat(took).isLessThan(Duration.ofSeconds(1));
        // the other route is not affected
        assertThat(client.get("/api/v1/accounts/a1/messages", TOKEN).statusCode()).isEqualTo(200);

        for (int i = 0; i < 4; i++) {
            client.get("/api/v1/accounts/a1/quota", TOKEN);
        }
        quota.restart();
        HttpResponse<String> open = client.get("/api/v1/accounts/a1/quota", TOKEN);
        assertThat(open.statusCode()).isEqualTo(503);
        assertThat(open.body()).contains("paused");
        assertThat(quota.received()).isEmpty(); // an open breaker does not call

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.get("/api/v1/accounts/a1/quota", TOKEN).statusCode() == 200);
    }

    @Test
    void aHangingServiceAnswers503WithinTheTimeLimit() {
        GatewayClient client = new GatewayClient(port);
        sync.answerAfter(Duration.ofSeconds(10));
        try {
            long start = System.nanoTime();
            HttpResponse<String> response = client.get("/api/v1/accounts/a1/changes?since=s1", TOKEN);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(response.statusCode()).isEqualTo(503);
            GatewayIT.assertProblem(response, 503);
            assertThat(response.body()).contains("did not answer within 1000 ms");
            assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
        } finally {
            sync.answerAfter(Duration.ZERO);
        }
    }

    @Test
    void aDownloadThatKeepsFlowingIsStreamedWholeLongPastTheTimeLimit() throws Exception {
        FakeService.Trickle slow = new FakeService.Trickle(10, 64 * 1024, Duration.ofMillis(250)); // 640 KiB in 2.5 s
        sync.trickle("/m1/raw", slow);

        HttpResponse<byte[]> download = download("/api/v1/accounts/a1/messages/m1/raw");

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat((long) download.body().length).isEqualTo(slow.bytes());
    }

    /** Cut off, and the client can tell: the connection closes without the body's last chunk; one WARN line. */
    @Test
    void aDownloadStillFlowingAfterTheLongestTransferIsCutOff(CapturedOutput output) {
        FakeService.Trickle endless = new FakeService.Trickle(40, 1024, Duration.ofMillis(250)); // 10 s
        sync.trickle("/m2/raw", endless);

        long start = System.nanoTime();
        assertThatThrownBy(() -> download("/api/v1/accounts/a1/messages/m2/raw"))
                .as("a body cut short by the gateway").isInstanceOf(IOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(3),
                Duration.ofSeconds(8));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .contains("GET /api/v1/accounts/a1/messages/m2/raw: the answer was cut off after 200 began"));
        assertThat(output.getOut().lines())
                .as("not as an unexpected failure, not as a failed problem handler, not as Tomcat's ERROR")
                .noneMatch(line -> line.contains("unexpected failure") || line.contains("Failure in @ExceptionHandler")
                        || line.contains("Servlet.service()"));
    }

    private HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }
}
