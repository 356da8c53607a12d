package io.mailsync.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A mail provider's OAuth endpoints, in-process, for tests of XOAUTH2/OAUTHBEARER logins (issue 22): {@code /token}
 * answers the refresh-token grant (RFC 6749 §6, client authenticated by HTTP Basic) with short-lived access tokens,
 * {@code /introspect} tells Dovecot's oauth2 passdb (RFC 7662) whether a token is active and whose it is. A test
 * collaborator, not the thing under test: the login mechanisms and the token refresh are.
 */
public final class TokenEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final String clientId;
    private final String clientSecret;
    private final Duration lifetime;
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Issued> accessTokens = new ConcurrentHashMap<>();
    private final AtomicInteger grants = new AtomicInteger();
    private final boolean rotating;
    private volatile java.util.function.Consumer<String> issued = token -> { };

    private record Issued(String username, Instant expiresAt) {
    }

    private TokenEndpoint(String clientId, String clientSecret, Duration lifetime, boolean rotating)
            throws IOException {
        this.rotating = rotating;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.lifetime = lifetime;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/token", this::token);
        server.createContext("/introspect", this::introspect);
        server.start();
    }

    /** Access tokens it issues live {@code lifetime}; the client must say {@code clientId}:{@code clientSecret}. */
    public static TokenEndpoint start(String clientId, String clientSecret, Duration lifetime) {
        return start(clientId, clientSecret, lifetime, false);
    }

    /**
     * As {@link #start(String, String, Duration)}, and with {@code rotating} every grant also answers a new refresh
     * token and revokes the one used (RFC 6749 §6 allows it; many providers do it): a client must keep the new one.
     */
    public static TokenEndpoint start(String clientId, String clientSecret, Duration lifetime, boolean rotating) {
        try {
            return new TokenEndpoint(clientId, clientSecret, lifetime, rotating);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI tokenUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    public URI introspectionUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/introspect");
    }

    /** A refresh token for {@code username}, as the provider would hand it out after the user's consent. */
    public String refreshTokenFor(String username) {
        String token = "rt-" + UUID.randomUUID();
        refreshTokens.put(token, username);
        issued.accept(token);
        return token;
    }

    /** Tells {@code listener} every token it hands out (refresh and access), before it leaves: a secret scan's list. */
    public TokenEndpoint tellingIssuedTokensTo(java.util.function.Consumer<String> listener) {
        this.issued = listener;
        return this;
    }

    /** How many refresh-token grants were answered with an access token. */
    public int grants() {
        return grants.get();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        String expected = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                .getBytes(StandardCharsets.UTF_8));
        String user = refreshTokens.get(form.getOrDefault("refresh_token", ""));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
        } else if (!"refresh_token".equals(form.get("grant_type")) || user == null) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
        } else {
            String access = "at-" + UUID.randomUUID();
            issued.accept(access);
            accessTokens.put(access, new Issued(user, Instant.now().plus(lifetime)));
            grants.incrementAndGet();
            String rotated = "";
            if (rotating) {
                String next = "rt-" + UUID.randomUUID();
                issued.accept(next);
                refreshTokens.remove(form.get("refresh_token"));
                refreshTokens.put(next, user);
                rotated = ",\"refresh_token\":\"%s\"".formatted(next);
            }
            answer(exchange, 200, "{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":%d%s}"
                    .formatted(access, lifetime.toSeconds(), rotated));
        }
    }

    private void introspect(HttpExchange exchange) throws IOException {
        Issued issued = accessTokens.get(form(exchange).getOrDefault("token", ""));
        boolean active = issued != null && Instant.now().isBefore(issued.expiresAt());
        answer(exchange, 200, active ? "{\"active\":\"true\",\"username\":\"%s\"}".formatted(issued.username())
                : "{\"active\":\"false\"}");
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return Arrays.stream(body.split("&")).filter(p -> p.contains("="))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> decode(p[0]), p -> decode(p[1]), (a, b) -> b));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
