package io.mailsync.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A third-party client of the public API for end-to-end tests (devstack, interop): bearer token, JSON in and out.
 */
public final class ApiClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    public ApiClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public record Response(int status, JsonNode body, String raw) {
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    public Response post(String path, ObjectNode body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    /** Registers a mailbox for {@code customer}; answers its account id. */
    public String registerAccount(String customer, String protocol, int port, String username, String password) {
        return register(account(customer, protocol, port, username, password));
    }

    public String registerAccount(String customer, String protocol, int port, String username, String password,
            String contactAddress) {
        return register(account(customer, protocol, port, username, password).put("contactAddress", contactAddress));
    }

    /** The registration body for a plaintext loopback mailbox; add fields before {@link #register}. */
    public static ObjectNode account(String customer, String protocol, int port, String username, String password) {
        return JSON.createObjectNode().put("customerId", customer).put("protocol", protocol)
                .put("host", "127.0.0.1").put("port", port).put("security", "NONE").put("username", username)
                .put("password", password).put("pollInterval", "PT10S");
    }

    public String register(ObjectNode account) {
        Response created = post("/api/v1/accounts", account);
        if (created.status() != 201) {
            throw new AssertionError("registering the account answered " + created.status() + ": " + created.raw());
        }
        return created.body().path("accountId").asString();
    }

    public Response patch(String path, String deviceId, ObjectNode body) {
        return send(request(path).header("Content-Type", "application/json").header("X-Device-Id", deviceId)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    /** Registers a device; answers its id. */
    public String registerDevice(String accountId, String name) {
        Response created = post("/api/v1/accounts/" + accountId + "/devices", JSON.createObjectNode().put("name", name));
        if (created.status() != 201 && created.status() != 200) {
            throw new AssertionError("registering a device answered " + created.status() + ": " + created.raw());
        }
        return created.body().path("deviceId").asString();
    }

    public String raw(String path) {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The account's messages (first page of 500), failing the test on anything but 200. */
    public java.util.List<JsonNode> messages(String accountId) {
        Response response = get("/api/v1/accounts/" + accountId + "/messages?limit=500");
        if (response.status() != 200) {
            throw new AssertionError("listing messages answered " + response.status() + ": " + response.raw());
        }
        java.util.List<JsonNode> list = new java.util.ArrayList<>();
        response.body().path("messages").forEach(list::add);
        return list;
    }

    /** The listed message with this Message-ID header, or null while it is not listed. */
    public JsonNode messageByHeader(String accountId, String messageIdHeader) {
        return messages(accountId).stream()
                .filter(m -> messageIdHeader.equals(m.path("messageIdHeader").asString())).findFirst().orElse(null);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.missingNode() : safeParse(response.body());
            return new Response(response.statusCode(), body, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode safeParse(String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException notJson) {
            return JSON.missingNode();
        }
    }
}
