package io.mailsync.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A third-party client of the public API: bearer token, JSON in and out. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    Api(String base, String token) {
        this.base = base;
        this.token = token;
    }

    record Response(int status, String contentType, JsonNode body, String raw) {
    }

    Response get(String path) {
        return send(request(path).GET().build());
    }

    Response delete(String path) {
        return send(request(path).DELETE().build());
    }

    Response post(String path, ObjectNode body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    /** A message/rfc822 body, as a device files sent mail or a draft. */
    Response postRaw(String path, String deviceId, String rfc822) {
        return send(request(path).header("Content-Type", "message/rfc822").header("X-Device-Id", deviceId)
                .POST(HttpRequest.BodyPublishers.ofString(rfc822)).build());
    }

    /** The status and the named response headers of a GET. */
    HttpResponse<String> raw(String path) {
        try {
            return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response patch(String path, String deviceId, String json) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
        if (deviceId != null) {
            b.header("X-Device-Id", deviceId);
        }
        return send(b.build());
    }

    Response send(String method, String path, String contentType, String body) {
        HttpRequest.Builder b = request(path);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Registers a mailbox for {@code customer} over plain IMAP on loopback; answers its account id. */
    String registerImap(String customer, int port, String username, String password) {
        return register(account(customer, "IMAP", port, username, password));
    }

    static ObjectNode account(String customer, String protocol, int port, String username, String password) {
        SecretScan.watch(password);
        return JSON.createObjectNode().put("customerId", customer).put("protocol", protocol)
                .put("host", "127.0.0.1").put("port", port).put("security", "NONE").put("username", username)
                .put("password", password).put("pollInterval", "PT10S").put("storeBodies", true);
    }

    String register(ObjectNode body) {
        Response created = post("/api/v1/accounts", body);
        if (created.status() != 201) {
            throw new AssertionError("registering the account answered " + created.status() + ": " + created.raw());
        }
        return created.body().path("accountId").asString();
    }

    String status(String accountId) {
        return get("/api/v1/accounts/" + accountId).body().path("status").asString();
    }

    /** Every message the API lists for the account, following the cursor. */
    List<JsonNode> messages(String accountId) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            Response page = get("/api/v1/accounts/" + accountId + "/messages?limit=500"
                    + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor,
                    java.nio.charset.StandardCharsets.UTF_8)));
            if (page.status() != 200) {
                throw new AssertionError("listing messages answered " + page.status() + ": " + page.raw());
            }
            page.body().path("messages").forEach(all::add);
            JsonNode next = page.body().path("nextCursor");
            cursor = next.isMissingNode() || next.isNull() ? null : next.asString();
        } while (cursor != null);
        return all;
    }

    /** Only the status and content type of a GET (for streams such as SSE, which never end by themselves). */
    Response head(String path) {
        try {
            HttpResponse<java.io.InputStream> response = HTTP.send(request(path).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            String raw = "";
            try (java.io.InputStream in = response.body()) {
                if (!contentType.startsWith("text/event-stream")) {
                    raw = new String(in.readNBytes(64 * 1024), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
            return new Response(response.statusCode(), contentType, safeParse(raw.isBlank() ? "{}" : raw), raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.missingNode() : safeParse(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    body, response.body());
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
