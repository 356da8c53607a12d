package io.mailsync.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.TopicNames;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.MongoKit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Property-based fuzzing of the public door: malformed JSON, huge bodies, bad ids, bad cursors, odd headers and
 * tokens. Whatever comes in, the gateway itself never answers 5xx (the stand-in services always answer 200), and
 * what it answers carries no stack trace.
 */
class FuzzIT {

    static final FakeService sync = new FakeService("sync");
    static final FakeService quota = new FakeService("quota");
    static final JwtKit jwt = JwtKit.shared();
    static ConfigurableApplicationContext gateway;
    static int port;

    /** One request as a client might (mis)send it. */
    record Request(String method, String target, Map<String, String> headers, byte[] body, boolean chunked) {
        @Override
        public String toString() {
            return method + " " + (target.length() > 200 ? target.substring(0, 200) + "..." : target) + " "
                    + headers.keySet() + " body=" + (body == null ? "none" : body.length + "B")
                    + (chunked ? " chunked" : "");
        }
    }

    @BeforeContainer
    static void start() {
        TopicNames names = GatewayTestSupport.names();
        gateway = GatewayApplication.builder().run(GatewayTestSupport.args(names, sync, quota,
                MongoKit.uriForNewDatabase("gateway"),
                "--mailsync.gateway.rate-limit.enabled=false",
                "--logging.level.io.mailsync.gateway.access=WARN"));
        port = Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"));
        try (Broker broker = new Broker(names)) {
            broker.accountRegistered("acc-f1", "f1");
            broker.accountRegistered("acc-f2", "f2");
        }
        GatewayClient client = new GatewayClient(port);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                client.get("/api/v1/accounts/acc-f2", jwt.token("f1", "mail.read")).statusCode() == 404);
    }

    @AfterContainer
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        sync.close();
        quota.close();
    }

    @Property // tries: jqwik.tries.default in junit-platform.properties (override with -Djqwik.tries.default=N)
    void theGatewayNeverAnswers5xx(@ForAll("requests") Request request) throws IOException {
        RawHttp.Answer answer = RawHttp.send(port, request.method(), request.target(), request.headers(),
                request.body(), request.chunked());

        assertThat(answer.status()).as(request.toString()).isBetween(200, 499);
        assertThat(answer.body()).as(request.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        if (answer.status() >= 400 && !answer.body().isEmpty() && !answer.body().contains("\"service\"")) {
            // the gateway's own refusals (not the stand-in services' answers) are problems — Tomcat's too
            assertThat(answer.headers().getOrDefault("content-type", "")).as(request.toString())
                    .startsWith("application/problem+json");
        }
    }

    @Property(tries = 20)
    void pathsTomcatRefusesAreProblemsToo(@ForAll("refusedByTomcat") String segment) throws IOException {
        RawHttp.Answer answer = RawHttp.send(port, "GET", "/api/v1/accounts/acc-f1/messages/" + segment,
                Map.of("Authorization", "Bearer " + jwt.token("f1", "mail.read")), null, false);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.headers().getOrDefault("content-type", "")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"status\":400").doesNotContain("Apache Tomcat");
    }

    @Provide
    Arbitrary<String> refusedByTomcat() {
        return Arbitraries.of("%00", "%5C", "%2F", "a%5Cb", "%2F..%2F");
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<String> method = Arbitraries.of("GET", "GET", "POST", "PATCH", "DELETE", "PUT", "HEAD", "OPTIONS");
        Arbitrary<String> target = Combinators.combine(templates(), ids(), ids(), cursors(), numbers())
                .as((t, id, id2, cursor, n) -> t.replace("{id}", id).replace("{id2}", id2)
                        .replace("{cursor}", cursor).replace("{n}", n));
        Arbitrary<Map<String, String>> headers = Combinators.combine(tokens(), contentTypes(), lastEventIds())
                .as((token, type, last) -> {
                    Map<String, String> h = new LinkedHashMap<>();
                    if (token != null) {
                        h.put("Authorization", token);
                    }
                    if (type != null) {
                        h.put("Content-Type", type);
                    }
                    if (last != null) {
                        h.put("Last-Event-ID", last);
                    }
                    return h;
                });
        return Combinators.combine(method, target, headers, bodies(), Arbitraries.of(true, false))
                .as(Request::new);
    }

    private Arbitrary<String> templates() {
        return Arbitraries.of("/api/v1/accounts/{id}", "/api/v1/accounts/{id}/messages?cursor={cursor}&limit={n}",
                "/api/v1/accounts/{id}/messages/{id2}", "/api/v1/accounts/{id}/messages/{id2}/raw",
                "/api/v1/accounts/{id}/changes?since={cursor}&maxChanges={n}", "/api/v1/accounts/{id}/quota",
                "/api/v1/accounts/{id}/quota/{id2}", "/api/v1/accounts/{id}/events", "/api/v1/accounts/{id}/devices",
                "/api/v1/accounts", "/api/v1/accounts?customerId={id}", "/api/v1/{id}", "/{id}", "/api/v2/{id}",
                "/v3/api-docs/{id}", "/actuator/{id}");
    }

    private Arbitrary<String> ids() {
        Arbitrary<String> plain = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars("-_.~")
                .ofMinLength(0).ofMaxLength(40);
        // raw space, tab and NUL are left out: they break the request line itself (Tomcat answers 505 with no
        // body before any application code runs); their percent-encoded forms are in `known` and `cursors`
        Arbitrary<String> hostile = Arbitraries.strings()
                .withChars("%/.;:?#[]@!$&'()*+,=\\\"<>{}|^`é€😀")
                .withCharRange('a', 'f').numeric().ofMinLength(1).ofMaxLength(30);
        Arbitrary<String> long_ = Arbitraries.strings().alpha().ofMinLength(500).ofMaxLength(3000);
        Arbitrary<String> known = Arbitraries.of("acc-f1", "acc-f2", "acc-f1%2Fx", "..", "%2e%2e", "%00", "%zz",
                "%", "acc-f1;jsessionid=1", "ACC-F1", "acc-f1%20", "a%09b", "%0d%0a");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, plain), net.jqwik.api.Tuple.of(3, hostile),
                net.jqwik.api.Tuple.of(1, long_), net.jqwik.api.Tuple.of(3, known));
    }

    private Arbitrary<String> cursors() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(60).withChars("%+=&/?#abcXYZ019")
                        .map(c -> c.replace("a", "%20a").replace("Z", "%00")),
                Arbitraries.strings().alpha().numeric().withChars("-_=").ofMaxLength(200), Arbitraries.just(""));
    }

    private Arbitrary<String> numbers() {
        return Arbitraries.of("", "0", "-1", "10", "99999999999999999999", "1e3", "abc", "NaN", "%20");
    }

    private Arbitrary<String> tokens() {
        String f1 = "Bearer " + jwt.token("f1", "mail.read", "mail.write", "quota.read");
        String admin = "Bearer " + jwt.token("root", "mail.read", "mail.write", "quota.read", "accounts.admin");
        return Arbitraries.oneOf(Arbitraries.of(f1, f1, admin, "Bearer", "Bearer ", "Basic Zm9vOmJhcg==",
                        "Bearer " + f1.substring(7, 60), "Bearer a.b.c", "bearer " + f1.substring(7)),
                Arbitraries.strings().ascii().ofMaxLength(100).map(s -> "Bearer " + s.replaceAll("[\\r\\n]", "")),
                Arbitraries.just(null));
    }

    private Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/json", "text/plain", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json; charset=nonsense", "*/*", ";;;", null);
    }

    private Arbitrary<String> lastEventIds() {
        return Arbitraries.oneOf(Arbitraries.strings().ascii().ofMaxLength(50)
                .map(s -> s.replaceAll("\\p{Cntrl}", "")), Arbitraries.just(null));
    }

    private Arbitrary<byte[]> bodies() {
        Arbitrary<byte[]> json = Arbitraries.strings().withChars("{}[]\",:0123456789.-+eE truefalsnul\\$seen")
                .ofMaxLength(300).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> valid = Arbitraries.of("{\"keywords\":{\"$seen\":true}}", "{\"name\":\"phone\"}",
                "{\"keywords\":{\"$seen\":\"yes\"}}", "{\"keywords\":null}", "[]", "null", "{}")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> nested = Arbitraries.integers().between(100, 100_000)
                .map(depth -> ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
        Arbitrary<byte[]> huge = Arbitraries.of(1024 * 1024 + 1, 3 * 1024 * 1024).map(size -> new byte[size]);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, json), net.jqwik.api.Tuple.of(2, valid), net.jqwik.api.Tuple.of(1, nested),
                net.jqwik.api.Tuple.of(2, random), net.jqwik.api.Tuple.of(1, huge),
                net.jqwik.api.Tuple.of(2, Arbitraries.just((byte[]) null)));
    }
}
