package io.mailsync.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.KafkaKit;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + GatewayApplication.CONFIG_NAME)
class RoutingIT {

    static final FakeService sync = new FakeService("sync");
    static final FakeService quota = new FakeService("quota");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, KafkaKit.newNamespace(), sync, quota);
    }

    @AfterAll
    static void stop() {
        sync.close();
        quota.close();
    }

    static final String TOKEN = JwtKit.shared().token("c1", "mail.read", "mail.write", "quota.read");

    @BeforeEach
    void clear() {
        sync.clear();
        quota.clear();
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
    void bodiesAreForwarded() {
        HttpResponse<String> response = new GatewayClient(port).send("PATCH", "/api/v1/accounts/a1/messages/m1",
                TOKEN, "{\"keywords\":{\"$seen\":true}}", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sync.last().method()).isEqualTo("PATCH");
        assertThat(new String(sync.last().body())).isEqualTo("{\"keywords\":{\"$seen\":true}}");
    }
}
