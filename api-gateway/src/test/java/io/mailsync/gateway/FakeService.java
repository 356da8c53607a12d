package io.mailsync.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A small real HTTP server standing in for sync- or quota-service: it records what reached it and answers
 * {@code {"service": name, "path": ...}}. It can be stopped (connection refused) and made slow (a hang).
 */
public final class FakeService implements AutoCloseable {

    /** What the gateway sent on. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    /** A 200 answered at once whose body comes as {@code chunks} chunks of {@code chunkBytes}, one every {@code every}. */
    public record Trickle(int chunks, int chunkBytes, Duration every) {
        public long bytes() {
            return (long) chunks * chunkBytes;
        }
    }

    /** An answer a test computes from the request (a stand-in for one route of the real service). */
    public record Answer(int status, String body) {
    }

    private final String name;
    private final Map<String, Function<Received, Answer>> routes = new ConcurrentHashMap<>();
    private final Map<String, Trickle> trickles = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ZERO;
    private volatile int status = 200;
    /** Requests whose path contains this misbehave as below; the others are answered normally. */
    private volatile String troubleFor;
    private volatile Duration troubleDelay = Duration.ZERO;
    private volatile int troubleStatus = 200;
    private final int port;
    private HttpServer server;

    public FakeService(String name) {
        this.name = name;
        this.server = create(0);
        this.port = server.getAddress().getPort();
    }

    private HttpServer create(int onPort) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 50);
            s.createContext("/", this::handle);
            s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            s.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
            String path = exchange.getRequestURI().getRawPath();
            boolean trouble = troubleFor != null && path.contains(troubleFor);
            Duration wait = trouble ? troubleDelay : delay;
            if (!wait.isZero()) {
                try {
                    Thread.sleep(wait); // simulates a hanging service, not a test wait
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Trickle trickle = trickles.entrySet().stream().filter(e -> path.endsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (trickle != null) {
                trickle(exchange, trickle);
                return;
            }
            Function<Received, Answer> route = routes.entrySet().stream().filter(e -> path.endsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (route != null) {
                Answer computed = route.apply(received.getLast());
                byte[] bytes = computed.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(computed.status(), bytes.length);
                exchange.getResponseBody().write(bytes);
                return;
            }
            byte[] answer = ("{\"service\":\"" + name + "\",\"path\":\"" + exchange.getRequestURI().getRawPath()
                    + "\"}").getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(trouble ? troubleStatus : status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private static void trickle(HttpExchange exchange, Trickle trickle) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, trickle.bytes());
        byte[] chunk = new byte[trickle.chunkBytes()];
        for (int i = 0; i < trickle.chunks(); i++) {
            exchange.getResponseBody().write(chunk);
            exchange.getResponseBody().flush();
            try {
                Thread.sleep(trickle.every()); // a slow but flowing download, not a test wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public List<Received> received() {
        return received;
    }

    public Received last() {
        return received.getLast();
    }

    public void clear() {
        received.clear();
    }

    /** Requests whose path ends with {@code pathSuffix} get what {@code route} computes. */
    public void route(String pathSuffix, Function<Received, Answer> route) {
        routes.put(pathSuffix, route);
    }

    /** Requests whose path ends with {@code pathSuffix} get a body that keeps flowing, slowly. */
    public void trickle(String pathSuffix, Trickle trickle) {
        trickles.put(pathSuffix, trickle);
    }

    public void answerAfter(Duration delay) {
        this.delay = delay;
    }

    public void answerStatus(int status) {
        this.status = status;
    }

    /** Requests whose path contains {@code pathPart} (one customer's account) wait {@code delay}, then answer {@code status}. */
    public void misbehaveFor(String pathPart, Duration delay, int status) {
        this.troubleDelay = delay;
        this.troubleStatus = status;
        this.troubleFor = pathPart;
    }

    public void behave() {
        this.troubleFor = null;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public synchronized void restart() {
        if (server == null) {
            server = create(port);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
