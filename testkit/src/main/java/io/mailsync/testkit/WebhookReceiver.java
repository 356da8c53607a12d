package io.mailsync.testkit;

import com.sun.net.httpserver.HttpServer;
import io.mailsync.events.crypto.WebhookSignature;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A partner's webhook receiver as the root README tells one to write it: a real HTTP server on loopback (plain HTTP:
 * devstack and the tests allow it) that verifies the signature with {@link WebhookSignature} and a 5-minute replay
 * window, answers 401 when it does not verify and otherwise what the test says (204 unless told), and records every
 * request. For webhook-service's tests and devstack's end-to-end ones (issue 21: one home in testkit).
 */
public final class WebhookReceiver implements AutoCloseable {

    /**
     * @param refusal         why the signature did not verify; empty when it did
     * @param receivedAtNanos {@link System#nanoTime()} when its body had been read (benchmarks time deliveries)
     */
    public record Request(String eventId, String body, Optional<String> refusal, int answered, long receivedAtNanos) {
    }

    private final int port;
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int answer = 204;
    private HttpServer server;

    private WebhookReceiver(int port) {
        this.port = port;
    }

    /** A receiver that is up. */
    public static WebhookReceiver up() throws IOException {
        WebhookReceiver receiver = new WebhookReceiver(freePort());
        receiver.start();
        return receiver;
    }

    /** A receiver that is down: nothing listens on its port until {@link #start()}. */
    public static WebhookReceiver down() throws IOException {
        return new WebhookReceiver(freePort());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public synchronized void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            long receivedAt = System.nanoTime();
            Optional<String> refusal = WebhookSignature.refusal(
                    exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER), body, secrets,
                    Instant.now(), Duration.ofMinutes(5));
            int status = refusal.isPresent() ? 401 : answer;
            requests.add(new Request(exchange.getRequestHeaders().getFirst(WebhookSignature.EVENT_ID_HEADER),
                    new String(body, StandardCharsets.UTF_8), refusal, status, receivedAt));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    public void trust(String secret) {
        secrets.add(secret);
    }

    public void answer(int status) {
        answer = status;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Accepted (verified and 2xx) requests per event id. */
    public Map<String, Long> acceptedByEventId() {
        return requests.stream().filter(r -> r.answered() / 100 == 2)
                .collect(Collectors.groupingBy(Request::eventId, Collectors.counting()));
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
