package io.mailsync.webhook.adapter.out.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.mailsync.events.crypto.WebhookSignature;
import io.mailsync.events.mail.AccountId;
import io.mailsync.support.net.MailServerGuardProperties;
import io.mailsync.support.net.MailServerPolicy;
import io.mailsync.webhook.domain.Delivery;
import io.mailsync.webhook.domain.SendOutcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server on loopback: what a receiver gets, and what the outbound policy stops. */
class HttpWebhookSenderTest {

    private record Received(com.sun.net.httpserver.Headers headers, byte[] body) {
    }

    private static final Delivery DELIVERY = new Delivery("wh_0123456789abcdef0123456789abcdef", "acc-1:s7",
            "account.state", AccountId.of("acc-1"), Instant.parse("2026-12-03T10:00:00Z"), Map.of("state", "s7"), false);

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int answer = 204;

    @BeforeEach
    void aReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/in", exchange -> {
            received.add(new Received(exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes()));
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/");
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/in?token=abc");
    }

    private static HttpWebhookSender sender(List<String> allow) {
        return new HttpWebhookSender(new MailServerPolicy(new MailServerGuardProperties(allow, List.of("1-65535"))),
                Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @Test
    void theReceiverGetsTheEventSignedAndCanVerifyIt() throws Exception {
        Instant now = Instant.now();
        try (HttpWebhookSender sender = sender(List.of("127.0.0.1"))) {
            assertThat(sender.send(url(), DELIVERY, List.of("whsec_new", "whsec_old"), now).delivered()).isTrue();
        }
        Received r = received.getFirst();
        assertThat(r.headers().get(WebhookSignature.EVENT_ID_HEADER)).containsExactly("acc-1:s7");
        try (var golden = getClass().getResourceAsStream("/golden/delivery-body.json")) { // what receivers parse
            assertThat(new String(r.body(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
        for (String secret : List.of("whsec_new", "whsec_old")) {
            assertThat(WebhookSignature.refusal(r.headers().getFirst(WebhookSignature.SIGNATURE_HEADER),
                    r.headers().getFirst(WebhookSignature.TIMESTAMP_HEADER), r.body(), List.of(secret), now,
                    Duration.ofMinutes(5))).isEmpty();
        }
        assertThat(WebhookSignature.refusal(r.headers().getFirst(WebhookSignature.SIGNATURE_HEADER),
                r.headers().getFirst(WebhookSignature.TIMESTAMP_HEADER), r.body(), List.of("whsec_other"), now,
                Duration.ofMinutes(5))).contains("no signature matches");
    }

    @Test
    void anErrorOrARedirectIsAFailedAttemptAndTheRedirectIsNotFollowed() throws Exception {
        try (HttpWebhookSender sender = sender(List.of("127.0.0.1"))) {
            answer = 500;
            assertThat(sender.send(url(), DELIVERY, List.of("s"), Instant.now()))
                    .isEqualTo(SendOutcome.answered(500));
            answer = 302;
            assertThat(sender.send(url(), DELIVERY, List.of("s"), Instant.now()).error())
                    .isEqualTo("the receiver answered 302");
        }
        assertThat(received).hasSize(2);
    }

    @Test
    void aLoopbackReceiverIsRefusedAtConnectUnlessAllowedAndNothingIsSent() throws Exception {
        try (HttpWebhookSender sender = sender(List.of())) {
            SendOutcome outcome = sender.send(url(), DELIVERY, List.of("s"), Instant.now());
            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.error()).isEqualTo("refused by mailsync's outbound policy");
        }
        assertThat(received).isEmpty();
    }

    @Test
    void aReceiverThatIsDownIsACouldNotConnectThatDoesNotShowTheUrl() throws Exception {
        URI url = url();
        server.stop(0);
        try (HttpWebhookSender sender = sender(List.of("127.0.0.1"))) {
            assertThat(sender.send(url, DELIVERY, List.of("s"), Instant.now()).error()).isEqualTo("could not connect");
        }
    }
}
