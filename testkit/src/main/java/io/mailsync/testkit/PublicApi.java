package io.mailsync.testkit;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.mailsync.client.ApiException;
import io.mailsync.client.api.AccountsApi;
import io.mailsync.client.api.DeletedApi;
import io.mailsync.client.api.DevicesApi;
import io.mailsync.client.api.DiscoveryApi;
import io.mailsync.client.api.DraftsApi;
import io.mailsync.client.api.MailHostsApi;
import io.mailsync.client.api.MessagesApi;
import io.mailsync.client.api.QuotaApi;
import io.mailsync.client.api.SentApi;
import io.mailsync.client.api.SharingApi;
import io.mailsync.client.api.WebhooksApi;
import io.mailsync.client.model.RegisterRequest;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.node.ObjectNode;

/**
 * The client generated at build time from the public API document ({@code api-client}, issue 19): one generated API
 * per tag, sharing this caller's base URI and bearer token. A suite that calls the API through it stops compiling
 * when the document — and so the code it is generated from — changes under it. {@link #call} waits out a 429 as a
 * well-behaved client does.
 *
 * <p>{@code streamEvents} (push, {@code text/event-stream}) is the one operation not offered here: the generated
 * client reads a response to its end and answers it as one string, and an event stream never ends — SSE, with its
 * {@code Last-Event-ID} resume, needs a streaming reader ({@code ApiClient#head} for its status and type, a line
 * reader for its events). Everything else a suite calls goes through this.
 */
public final class PublicApi {

    /** One call of a generated API. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws ApiException;
    }

    private static final int ATTEMPTS_AFTER_429 = 30;

    public final AccountsApi accounts;
    public final MessagesApi messages;
    public final DevicesApi devices;
    public final DraftsApi drafts;
    public final SentApi sent;
    public final DeletedApi deleted;
    public final QuotaApi quota;
    public final WebhooksApi webhooks;
    public final SharingApi sharing;
    public final MailHostsApi mailHosts;
    public final DiscoveryApi discovery;
    private final ObjectMapper mapper;

    PublicApi(String base, String token) {
        ObjectMapper generated = io.mailsync.client.ApiClient.createDefaultObjectMapper();
        generated.registerModule(new SimpleModule().addSerializer(File.class, new MessageFileSerializer()));
        io.mailsync.client.ApiClient client = new io.mailsync.client.ApiClient(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)),
                generated, base);
        client.setReadTimeout(Duration.ofSeconds(30));
        if (token != null) { // a null token is an anonymous caller: no Authorization header at all
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        this.mapper = client.getObjectMapper();
        this.accounts = new AccountsApi(client);
        this.messages = new MessagesApi(client);
        this.devices = new DevicesApi(client);
        this.drafts = new DraftsApi(client);
        this.sent = new SentApi(client);
        this.deleted = new DeletedApi(client);
        this.quota = new QuotaApi(client);
        this.webhooks = new WebhooksApi(client);
        this.sharing = new SharingApi(client);
        this.mailHosts = new MailHostsApi(client);
        this.discovery = new DiscoveryApi(client);
    }

    /**
     * The call's answer; a 429 (the gateway's rate limits, issue 16) is waited out as its {@code Retry-After} says
     * and asked again, up to 30 times. Any other failure is an {@link AssertionError} with the status and the
     * problem the API answered.
     */
    public <T> T call(Call<T> call) {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.call();
            } catch (ApiException e) {
                if (e.getCode() != 429 || attempt >= ATTEMPTS_AFTER_429) {
                    throw new AssertionError("the API answered " + e.getCode() + ": " + e.getResponseBody(), e);
                }
                waitOut(retryAfter(e));
            }
        }
    }

    /**
     * {@code Thread.sleep}, not {@code LockSupport.parkNanos}: a park may return early — spuriously, or at once when
     * the thread holds an unpark permit — and once a 429 was asked again after 3 ms (PublicApiTest failed).
     */
    private static void waitOut(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting out a 429", e);
        }
    }

    /**
     * The status the API answered {@code call} with (a 429 waited out as in {@link #call}): for a suite that asserts
     * a refusal (403, 404, 409, ...) through the generated client. A success is its status when {@code call} is a
     * {@code ...WithHttpInfo} variant, else 200.
     */
    public int status(Call<?> call) {
        return answer(call).status();
    }

    /**
     * What the API answered: on success the value (status 200, or the real one for a {@code ...WithHttpInfo} call),
     * else the status and the problem document as sent.
     */
    public record Answer<T>(int status, T value, String problem) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    /**
     * {@code call}'s answer as it came, a 429 included: for a measurement that polls at its own pace and must not
     * sleep out a Retry-After inside the figure it times (the benchmarks).
     */
    public <T> Answer<T> answerOnce(Call<T> call) {
        try {
            T value = call.call();
            return new Answer<>(value instanceof io.mailsync.client.ApiResponse<?> r ? r.getStatusCode() : 200, value,
                    null);
        } catch (ApiException e) {
            if (e.getCode() == 0) { // no answer at all: the connection failed
                throw new IllegalStateException("no answer from the API: " + e.getMessage(), e);
            }
            return new Answer<>(e.getCode(), null, e.getResponseBody());
        }
    }

    /** {@code call}'s answer, failure or not (a 429 waited out as in {@link #call}). */
    public <T> Answer<T> answer(Call<T> call) {
        try {
            T value = call(call);
            return new Answer<>(value instanceof io.mailsync.client.ApiResponse<?> r ? r.getStatusCode() : 200, value,
                    null);
        } catch (AssertionError failed) {
            if (failed.getCause() instanceof ApiException e && e.getCode() > 0) {
                return new Answer<>(e.getCode(), null, e.getResponseBody());
            }
            throw failed;
        }
    }

    /** A message/rfc822 body as the generated client sends one (a file; drafts, sent copies), in a temporary file. */
    public static File rfc822(String message) {
        try {
            Path file = Files.createTempFile("mailsync-message-", ".eml");
            file.toFile().deleteOnExit();
            return Files.writeString(file, message, StandardCharsets.UTF_8).toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a downloaded body (raw message, attachment), which the generated client answers as a file. */
    public static byte[] bytes(File downloaded) {
        try {
            return Files.readAllBytes(downloaded.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            downloaded.delete();
        }
    }

    /** {@code account} as the generated model; a field the model does not have fails here, never silently. */
    RegisterRequest registration(ObjectNode account) {
        try {
            RegisterRequest request = mapper.readValue(ApiClient.JSON.writeValueAsString(account), RegisterRequest.class);
            // both read back from text: a number put as a long and read as an int is the same number on the wire
            if (!ApiClient.JSON.readTree(json(request)).equals(ApiClient.JSON.readTree(
                    ApiClient.JSON.writeValueAsString(account)))) {
                throw new IllegalArgumentException("the public API's RegisterRequest cannot carry all of " + account
                        + " (it would send " + json(request) + ")");
            }
            return request;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a registration: " + e.getOriginalMessage(), e);
        }
    }

    /** A generated model as the JSON it is sent as (Jackson 2, as the generator writes its models). */
    String json(Object model) {
        try {
            return mapper.writeValueAsString(model);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Duration retryAfter(ApiException e) {
        String value = e.getResponseHeaders() == null ? null
                : e.getResponseHeaders().firstValue("Retry-After").orElse(null);
        try {
            return Duration.ofSeconds(Math.max(1, Math.min(30, Long.parseLong(value == null ? "1" : value.strip()))));
        } catch (NumberFormatException dateOrJunk) {
            return Duration.ofSeconds(1);
        }
    }

    /**
     * openapi-generator 7.25.0's "native" library sends a binary request body (message/rfc822: sent copies, drafts)
     * through its JSON mapper, which writes a {@link File} as its path in quotes; this writes the file's content as
     * it is instead, so the generated {@code fileSentMessage}, {@code createDraft} and {@code replaceDraft} send the
     * message. UTF-8 text only (what the suites send); an 8-bit body would need the generator fixed.
     */
    private static final class MessageFileSerializer extends StdSerializer<File> {
        MessageFileSerializer() {
            super(File.class);
        }

        @Override
        public void serialize(File file, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeRaw(Files.readString(file.toPath(), StandardCharsets.UTF_8));
        }
    }
}
