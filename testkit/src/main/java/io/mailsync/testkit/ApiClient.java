package io.mailsync.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A third-party client of the public API, for end-to-end tests (devstack, interop, reliability) and the benchmarks:
 * bearer token; JSON in and out, or any body as it is ({@link #send}, for bad input); every response with its
 * content type and how long it took. One HTTP/1.1 client per JVM, as a client app would hold one.
 */
public final class ApiClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final String token;

    public ApiClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /**
     * @param body    the body parsed as JSON; a missing node when empty or not JSON
     * @param raw     the body as sent
     * @param elapsed from sending the request to having read the whole response
     */
    public record Response(int status, String contentType, JsonNode body, String raw, Duration elapsed) {

        /** An RFC 9457 problem: what every error of the API is. */
        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    public Response delete(String path) {
        return send(request(path).DELETE().build());
    }

    public Response post(String path, ObjectNode body) {
        return send("POST", path, "application/json", JSON.writeValueAsString(body));
    }

    public Response patch(String path, String deviceId, ObjectNode body) {
        return patch(path, deviceId, JSON.writeValueAsString(body));
    }

    /** A PATCH with a JSON body as written, from {@code deviceId} (none when null). */
    public Response patch(String path, String deviceId, String json) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
        if (deviceId != null) {
            b.header("X-Device-Id", deviceId);
        }
        return send(b.build());
    }

    /** Any method with any body as it is (null for none), e.g. malformed JSON or a wrong content type. */
    public Response send(String method, String path, String contentType, String body) {
        return sendAs(null, method, path, contentType, body);
    }

    /** A device's request ({@code X-Device-Id}; none when null) with a body of any type, e.g. message/rfc822. */
    public Response sendAs(String deviceId, String method, String path, String contentType, String body) {
        return sendWith(deviceId == null ? Map.of() : Map.of("X-Device-Id", deviceId), method, path, contentType, body);
    }

    /** As {@link #sendAs}, with any request headers (e.g. {@code If-Match}). */
    public Response sendWith(Map<String, String> headers, String method, String path, String contentType,
                             String body) {
        HttpRequest.Builder b = request(path);
        headers.forEach(b::header);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * Only the status and content type of a GET, and the body unless it is an event stream: for streams such as SSE,
     * which never end by themselves.
     */
    public Response head(String path) {
        long start = System.nanoTime();
        try {
            HttpResponse<java.io.InputStream> response = HTTP.send(request(path).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            String raw = "";
            try (java.io.InputStream in = response.body()) {
                if (!contentType.startsWith("text/event-stream")) {
                    raw = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                }
            }
            return new Response(response.statusCode(), contentType, raw.isBlank() ? JSON.missingNode() : safeParse(raw), raw,
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One path segment, percent-encoded (a space is %20, not +). */
    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The body of a GET as text, whatever its status. */
    public String raw(String path) {
        return get(path).raw();
    }

    /** The registration body for a plaintext loopback mailbox; add fields before {@link #register}. */
    public static ObjectNode account(String customer, String protocol, int port, String username, String password) {
        return JSON.createObjectNode().put("customerId", customer).put("protocol", protocol)
                .put("host", "127.0.0.1").put("port", port).put("security", "NONE").put("username", username)
                .put("password", password).put("pollInterval", "PT10S");
    }

    /** Registers a mailbox for {@code customer}; answers its account id. */
    public String registerAccount(String customer, String protocol, int port, String username, String password) {
        return register(account(customer, protocol, port, username, password));
    }

    public String registerAccount(String customer, String protocol, int port, String username, String password,
            String contactAddress) {
        return register(account(customer, protocol, port, username, password).put("contactAddress", contactAddress));
    }

    /** Registers the mailbox {@code account} describes, failing on anything but 201; answers its account id. */
    public String register(ObjectNode account) {
        Response created = post("/api/v1/accounts", account);
        if (created.status() != 201) {
            throw new AssertionError("registering the account answered " + created.status() + ": " + created.raw());
        }
        return created.body().path("accountId").asString();
    }

    /** The account's status as the fetcher last reported it: IDLE, POLLING, AUTH_FAILED, ... */
    public String status(String accountId) {
        return getWithinLimits("/api/v1/accounts/" + accountId).body().path("status").asString();
    }

    /** The account's current state, a {@code since} for {@code /changes}. */
    public String state(String accountId) {
        return expectOk(getWithinLimits("/api/v1/accounts/" + accountId + "/messages?limit=1"), "listing messages")
                .body().path("state").asString();
    }

    /** Registers a device; answers its id. */
    public String registerDevice(String accountId, String name) {
        Response created = post("/api/v1/accounts/" + accountId + "/devices", JSON.createObjectNode().put("name", name));
        if (created.status() != 201 && created.status() != 200) {
            throw new AssertionError("registering a device answered " + created.status() + ": " + created.raw());
        }
        return created.body().path("deviceId").asString();
    }

    /** Every message the API lists for the account, following the cursor; fails on anything but 200. */
    public List<JsonNode> messages(String accountId) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            String page = "/api/v1/accounts/" + accountId + "/messages?limit=500"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode body = expectOk(getWithinLimits(page), "listing messages").body();
            body.path("messages").forEach(all::add);
            JsonNode next = body.path("nextCursor");
            cursor = next.isMissingNode() || next.isNull() ? null : next.asString();
        } while (cursor != null);
        return all;
    }

    /** The listed message with this Message-ID header, or null while it is not listed. */
    public JsonNode messageByHeader(String accountId, String messageIdHeader) {
        return messages(accountId).stream()
                .filter(m -> messageIdHeader.equals(m.path("messageIdHeader").asString())).findFirst().orElse(null);
    }

    /**
     * A GET as a well-behaved client makes it: a 429 (the gateway's per-customer rate limit, issue 16) is waited out
     * and asked again, as its Retry-After says (1 s), up to 30 times. For the helpers that poll a customer's many
     * mailboxes; a test about the limit itself uses {@link #get}.
     */
    private Response getWithinLimits(String path) {
        Response response = get(path);
        for (int attempt = 0; response.status() == 429 && attempt < 30; attempt++) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            response = get(path);
        }
        return response;
    }

    private static Response expectOk(Response response, String what) {
        if (response.status() != 200) {
            throw new AssertionError(what + " answered " + response.status() + ": " + response.raw());
        }
        return response;
    }

    /** A null token is an anonymous caller: no Authorization header at all. */
    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private static Response send(HttpRequest request) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            JsonNode body = response.body().isBlank() ? JSON.missingNode() : safeParse(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    body, response.body(), elapsed);
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
