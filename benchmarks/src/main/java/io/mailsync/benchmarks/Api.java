package io.mailsync.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A third-party client of the public API (as devstack's end-to-end tests use it): bearer token, JSON in and out. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    Api(String base, String token) {
        this.base = base;
        this.token = token;
    }

    record Response(int status, JsonNode body, String raw) {
    }

    Response get(String path) {
        return send(request(path).GET().build());
    }

    Response post(String path, ObjectNode body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    /** Registers an IMAP mailbox (plaintext, loopback) for {@code customer}; answers its account id. */
    String registerImap(String customer, String host, int port, String username, String password) {
        ObjectNode body = JSON.createObjectNode().put("customerId", customer).put("protocol", "IMAP")
                .put("host", host).put("port", port).put("security", "NONE").put("username", username)
                .put("password", password).put("pollInterval", "PT1M");
        Response created = post("/api/v1/accounts", body);
        if (created.status() != 201) {
            throw new IllegalStateException("registering an account answered " + created.status() + ": " + created.raw());
        }
        return created.body().path("accountId").asString();
    }

    /** The account's current state (a {@code since} for {@code /changes}). */
    String state(String accountId) {
        Response r = get("/api/v1/accounts/" + accountId + "/messages?limit=1");
        if (r.status() != 200) {
            throw new IllegalStateException("listing answered " + r.status() + ": " + r.raw());
        }
        return r.body().path("state").asString();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
    }

    static HttpClient http() {
        return HTTP;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.missingNode() : parse(response.body());
            return new Response(response.statusCode(), body, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException notJson) {
            return JSON.missingNode();
        }
    }
}
