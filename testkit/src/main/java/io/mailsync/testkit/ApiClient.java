package io.mailsync.testkit;

import io.mailsync.client.model.AccountResponse;
import io.mailsync.client.model.ChangesView;
import io.mailsync.client.model.DeviceRequest;
import io.mailsync.client.model.KeywordPatch;
import io.mailsync.client.model.MessageList;
import io.mailsync.client.model.PatchResult;
import io.mailsync.client.model.RegisterRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A third-party client of the public API, for end-to-end tests (devstack, interop, reliability) and the benchmarks.
 * The typed calls ({@link #register}, {@link #messages}, {@link #api()}, ...) go through the client generated from the
 * public OpenAPI document ({@link PublicApi}, issue 19), so a suite stops compiling when the contract changes under it;
 * the raw ones ({@link #get}, {@link #send}, ...) send any request as it is — for bad input and the HTTP edge — and
 * answer every response with its content type and how long it took ({@link ApiTransport}).
 */
public final class ApiClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final String token;
    private final PublicApi api;

    public ApiClient(String base, String token) {
        this.base = base;
        this.token = token;
        this.api = new PublicApi(base, token);
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
     * A device's request with a body already encoded: a load generator sends the same large body many times without
     * encoding it again (R17's hostile customer).
     */
    public Response sendBytes(String deviceId, String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder b = request(path).header("Content-Type", contentType);
        if (deviceId != null) {
            b.header("X-Device-Id", deviceId);
        }
        return send(b.method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /**
     * Only the status and content type of a GET, and the body unless it is an event stream: for streams such as SSE,
     * which never end by themselves.
     */
    public Response head(String path) {
        return ApiTransport.head(request(path).GET().build());
    }

    /**
     * A GET answered as exact bytes with all its headers, sending {@code headers} too (issue 20: a body's octets, an
     * attachment, a {@code Range}, a 503's {@code Retry-After}).
     */
    public java.net.http.HttpResponse<byte[]> getBytes(String path, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).GET();
        headers.forEach(b::header);
        return ApiTransport.bytes(b.build());
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

    /**
     * Registers the mailbox {@code account} describes through the generated client, failing on anything but 201;
     * answers its account id. A field the public API's {@code RegisterRequest} does not have fails here, not silently.
     */
    public String register(ObjectNode account) {
        RegisterRequest request = api.registration(account);
        return api.call(() -> api.accounts.registerAccount(request)).getAccountId();
    }

    /** The account's status as the fetcher last reported it: IDLE, POLLING, AUTH_FAILED, ...; "" while unknown. */
    public String status(String accountId) {
        try {
            return api.call(() -> api.accounts.getAccount(accountId)).getStatus();
        } catch (AssertionError notThere) {
            return "";
        }
    }

    /** The account's current state, a {@code since} for {@code /changes}. */
    public String state(String accountId) {
        return api.call(() -> api.messages.listMessages(accountId, null, null, 1, null, null)).getState();
    }

    /** Registers a device; answers its id. */
    public String registerDevice(String accountId, String name) {
        return api.call(() -> api.devices.registerDevice(accountId, new DeviceRequest().name(name))).getDeviceId();
    }

    /** Every message the API lists for the account, following the cursor; fails on anything but 200. */
    public List<JsonNode> messages(String accountId) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            String after = cursor;
            MessageList page = api.call(() -> api.messages.listMessages(accountId, null, null, 500, after, null));
            page.getMessages().forEach(m -> all.add(JSON.readTree(api.json(m))));
            cursor = page.getNextCursor();
        } while (cursor != null);
        return all;
    }

    /** The listed message with this Message-ID header, or null while it is not listed. */
    public JsonNode messageByHeader(String accountId, String messageIdHeader) {
        return messages(accountId).stream()
                .filter(m -> messageIdHeader.equals(m.path("messageIdHeader").asString())).findFirst().orElse(null);
    }

    /** Removes the mailbox ({@code removeAccount}); answers the status: 204, or the refusal's. */
    public int removeAccount(String accountId) {
        return api.status(() -> api.accounts.removeAccountWithHttpInfo(accountId));
    }

    /** The account as the API shows it (status, statusReason, ...); fails unless 200. */
    public AccountResponse getAccount(String accountId) {
        return api.call(() -> api.accounts.getAccount(accountId));
    }

    /** Sets ({@code true}) or clears keywords of one message as {@code deviceId} (none: null); fails unless 200. */
    public PatchResult keywords(String accountId, String messageId, String deviceId, Map<String, Boolean> keywords) {
        return api.call(() -> api.messages.updateKeywords(accountId, messageId, new KeywordPatch().keywords(keywords),
                deviceId, null));
    }

    /** What changed since {@code since} (a state); fails unless 200. */
    public ChangesView changes(String accountId, String since) {
        return api.call(() -> api.messages.getChanges(accountId, since, null, null));
    }

    /** A message's RFC 822 text as UTF-8 (stored, or fetched on demand); fails unless 200. */
    public String rawMessage(String accountId, String messageId) {
        return new String(PublicApi.bytes(api.call(() -> api.messages.getRawMessage(accountId, messageId))),
                StandardCharsets.UTF_8);
    }

    /** The generated client (api-client), as this caller: for suites that call the API the typed way. */
    public PublicApi api() {
        return api;
    }

    /** A null token is an anonymous caller: no Authorization header at all. */
    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private static Response send(HttpRequest request) {
        return ApiTransport.send(request);
    }
}
