package io.mailsync.testkit;

import io.mailsync.testkit.ApiClient.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * {@link ApiClient}'s transport: one HTTP/1.1 client per JVM, as a client app would hold one; every exchange timed
 * from sending to having read the body, and the body parsed as JSON where it is JSON.
 */
final class ApiTransport {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** How much of a response {@link #head} reads. */
    private static final int HEAD_BYTES = 64 * 1024;

    private ApiTransport() {
    }

    static Response send(HttpRequest request) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The exact bytes with every header (a body's octets, a {@code Range} answer, a 503's {@code Retry-After}). */
    static HttpResponse<byte[]> bytes(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status and content type, and the body's start unless it is an event stream (which never ends by itself). */
    static Response head(HttpRequest request) {
        long started = System.nanoTime();
        try {
            HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            String raw = "";
            try (InputStream in = response.body()) {
                if (!contentType.startsWith("text/event-stream")) {
                    raw = new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8);
                }
            }
            return response(response.statusCode(), contentType, raw, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @param elapsed measured before parsing: what the exchange took, not the test's JSON parser */
    private static Response response(int status, String contentType, String raw, Duration elapsed) {
        JsonNode body = raw.isBlank() ? ApiClient.JSON.missingNode() : parse(raw);
        return new Response(status, contentType, body, raw, elapsed);
    }

    private static JsonNode parse(String text) {
        try {
            return ApiClient.JSON.readTree(text);
        } catch (RuntimeException notJson) {
            return ApiClient.JSON.missingNode();
        }
    }
}
