package io.mailsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: ApiClient's typed calls go through the generated client and still behave as the suites rely on: a 429 is
 * waited out as its Retry-After says, the bearer token is sent, an account that is not there reads as no status.
 * Against a real HTTP server on loopback that answers as the gateway does.
 */
class PublicApiTest {

    private HttpServer server;
    private final List<Long> requestsAt = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger limited = new AtomicInteger();
    private final List<String> sent = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/accounts/", exchange -> {
            requestsAt.add(System.nanoTime());
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            String path = exchange.getRequestURI().getPath();
            int status;
            String body;
            if (path.endsWith("/busy") && limited.getAndIncrement() < 1) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                status = 429;
                body = "{\"status\":429,\"detail\":\"too many requests\"}";
            } else if (path.endsWith("/busy")) {
                status = 200;
                body = "{\"accountId\":\"busy\",\"status\":\"IDLE\",\"port\":143}";
            } else if (path.endsWith("/sent")) {
                sent.add(exchange.getRequestHeaders().getFirst("Content-Type") + "|"
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                status = 201;
                body = "{\"accountId\":\"acc-1\",\"state\":\"7\"}";
            } else if (path.endsWith("/devices")) {
                status = 500;
                body = "{\"status\":500,\"detail\":\"the gateway failed\"}";
            } else {
                status = 404;
                body = "{\"status\":404,\"detail\":\"no such account\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json"
                    : "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ApiClient client() {
        return new ApiClient("http://127.0.0.1:" + server.getAddress().getPort(), "token-1");
    }

    @Test
    void a429IsWaitedOutAsRetryAfterSaysThenAskedAgain() {
        assertThat(client().status("busy")).isEqualTo("IDLE");
        assertThat(requestsAt).hasSize(2);
        assertThat(requestsAt.get(1) - requestsAt.get(0)).isGreaterThanOrEqualTo(900_000_000L);
        assertThat(authorizations).containsOnly("Bearer token-1");
    }

    @Test
    void anAccountThatIsNotThereHasNoStatus() {
        assertThat(client().status("gone")).isEmpty();
    }

    @Test
    void anyOtherFailureSaysTheStatusAndTheProblem() {
        assertThatThrownBy(() -> client().registerDevice("acc-1", "phone"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("500").hasMessageContaining("the gateway failed");
    }

    @Test
    void aRegistrationWithAFieldTheContractDoesNotHaveIsRefusedBeforeSending() {
        assertThatThrownBy(() -> client().register(ApiClient.account("c1", "IMAP", 143, "u", "p").put("colour", "red")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RegisterRequest");
        assertThat(requestsAt).isEmpty();
    }

    /** The generated client's own encoding would send the temporary file's path as a JSON string (PublicApi). */
    @Test
    void aSentCopyGoesAsTheMessagesOwnBytesAndItsStatusIsTheOneAnswered() {
        PublicApi api = client().api();
        String message = "From: ann@example.test\r\nSubject: caf\u00e9\r\n\r\nhello\r\n";
        PublicApi.Answer<?> filed = api.answer(() -> api.sent.fileSentMessageWithHttpInfo("acc-1",
                PublicApi.rfc822(message), "dev-1"));
        assertThat(filed.status()).isEqualTo(201);
        assertThat(sent).containsExactly("message/rfc822|" + message);
        assertThat(api.status(() -> api.accounts.getAccount("gone"))).isEqualTo(404);
    }

    /** interop's QuotaThroughMailsyncIT, devstack's demo mailbox: a limit put as a number is carried, not refused. */
    @Test
    void aRegistrationWithANumericLimitIsSentAsItIs() {
        assertThat(client().api().registration(ApiClient.account("c1", "IMAP", 143, "u", "p")
                .put("quotaLimitBytes", 1_000_000).put("storeBodies", true)).getQuotaLimitBytes()).isEqualTo(1_000_000L);
        assertThat(client().api().registration(ApiClient.account("c1", "IMAP", 143, "u", "p")
                .put("quotaLimitBytes", 5L * 1024 * 1024)).getQuotaLimitBytes()).isEqualTo(5L * 1024 * 1024);
    }
}
