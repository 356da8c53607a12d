package io.mailsync.devstack;

import com.sun.net.httpserver.HttpServer;
import io.mailsync.events.crypto.WebhookSignature;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A partner's webhook receiver as the root README tells one to write it: plain HTTP on loopback (devstack allows
 * it), the signature verified with {@link WebhookSignature} and a 5-minute replay window, 204 when it verifies and
 * 401 when it does not. Records every request.
 */
final class WebhookReceiver implements AutoCloseable {

    record Request(String eventId, String body, Optional<String> refusal) {
    }

    private final HttpServer server;
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Optional<String> refusal = WebhookSignature.refusal(
                    exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER), body, secrets,
                    Instant.now(), Duration.ofMinutes(5));
            requests.add(new Request(exchange.getRequestHeaders().getFirst(WebhookSignature.EVENT_ID_HEADER),
                    new String(body, StandardCharsets.UTF_8), refusal));
            exchange.sendResponseHeaders(refusal.isPresent() ? 401 : 204, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void trust(String secret) {
        secrets.add(secret);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
