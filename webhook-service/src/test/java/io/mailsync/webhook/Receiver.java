package io.mailsync.webhook;

import com.sun.net.httpserver.HttpServer;
import io.mailsync.events.crypto.WebhookSignature;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A partner's webhook receiver, as the docs tell one to write it: a real HTTP server on loopback that verifies the
 * signature with {@link WebhookSignature} (±5 min), answers what the test says, and records every request.
 */
final class Receiver implements AutoCloseable {

    record Request(String eventId, String body, Optional<String> refusal, int answered) {
    }

    private final int port;
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int answer = 204;
    private HttpServer server;

    private Receiver(int port) {
        this.port = port;
    }

    /** A receiver that is up. */
    static Receiver up() throws IOException {
        Receiver receiver = new Receiver(freePort());
        receiver.start();
        return receiver;
    }

    /** A receiver that is down: nothing listens on its port until {@link #start()}. */
    static Receiver down() throws IOException {
        return new Receiver(freePort());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    synchronized void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Optional<String> refusal = WebhookSignature.refusal(
                    exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER), body, secrets,
                    Instant.now(), Duration.ofMinutes(5));
            int status = refusal.isPresent() ? 401 : answer;
            requests.add(new Request(exchange.getRequestHeaders().getFirst(WebhookSignature.EVENT_ID_HEADER),
                    new String(body, java.nio.charset.StandardCharsets.UTF_8), refusal, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    void trust(String secret) {
        secrets.add(secret);
    }

    void answer(int status) {
        answer = status;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Accepted (verified and 2xx) requests per event id. */
    Map<String, Long> acceptedByEventId() {
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
