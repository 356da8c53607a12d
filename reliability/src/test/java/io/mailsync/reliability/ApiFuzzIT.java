package io.mailsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.testkit.ApiClient;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * R7: hostile requests at the public API through the gateway, with a valid customer token — odd methods, paths with
 * foreign, malformed and encoded ids, junk query parameters, malformed and mistyped JSON. Never a 5xx; every error
 * is {@code application/problem+json}. Sent raw on purpose (testkit {@code ApiClient.send}): the generated client
 * cannot send what the contract does not allow (issue 19).
 */
class ApiFuzzIT {

    private static ApiClient api;
    private static String own;
    private static final AtomicInteger requests = new AtomicInteger();
    private static final List<String> violations = new CopyOnWriteArrayList<>();

    record Request(String method, String path, String contentType, String body) {
    }

    @BeforeContainer
    static void aCustomerWithAnAccount() {
        Stack stack = Stack.shared();
        String customer = "r7-" + UUID.randomUUID();
        // a server that never resolves (RFC 2606 .invalid; port 1 on loopback is refused by the SSRF guard now)
        own = stack.admin().register(Stack.account(customer, "IMAP", 993, "fuzz", "fuzz-password-" + UUID.randomUUID())
                .put("host", "imap.r7.invalid"));
        api = stack.customer(customer);
    }

    @AfterContainer
    static void record() {
        Outcomes.held("R7", "generated requests (jqwik)", requests.get(), requests.get(), 0, 0,
                violations.size(), violations.isEmpty() ? "no 5xx, every error problem+json"
                        : violations.stream().limit(5).toList().toString());
    }

    @Property // tries: jqwik.tries.default in junit-platform.properties (300); -Djqwik.tries.default=N for more
    @Label("R7: property-based fuzz of the public API")
    void neverA5xxAndEveryErrorIsAProblem(@ForAll("requests") Request r) {
        requests.incrementAndGet();
        ApiClient.Response response = api.send(r.method(), r.path(), r.contentType(), r.body());
        String what = r.method() + " " + r.path() + " [" + r.contentType() + "] -> " + response.status();
        if (response.status() >= 500) {
            violations.add(what);
        } else if (response.status() >= 400 && !response.contentType().startsWith("application/problem+json")) {
            violations.add(what + " as " + response.contentType());
        }
        assertThat(response.status()).as(what + ": " + response.raw()).isLessThan(500);
        if (response.status() >= 400) {
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        }
    }

    /**
     * Path segments Tomcat itself refuses (encoded NUL, backslash, slash) before any mailsync code runs: kept apart
     * from the property above so that one known bug does not hide what the fuzz finds elsewhere.
     */
    @Property(tries = 12)
    @Label("R7: path segments Tomcat refuses (%00, %5C, %2F) answer problem+json")
    void refusedPathSegmentsAreProblemsToo(@ForAll("refusedSegments") String segment) {
        neverA5xxAndEveryErrorIsAProblem(new Request("GET", "/api/v1/accounts/" + own + "/messages/" + segment,
                null, null));
    }

    /**
     * Issue 16: the client's fault is a 4xx, never a 5xx and never a breaker opening — invalid percent-encoding and
     * UTF-8 in path and query (40 of {@code ?since=%ff%fe} once paused every caller), and message headers built to be
     * expensive: 100k-element address lists, a 1 MB header line, comments nested 100k deep.
     */
    @Property(tries = 60)
    @Label("R7: invalid encodings in path and query are 400, open no breaker")
    void invalidEncodingsAre400(@ForAll("badEncodings") String target) throws InterruptedException {
        double openings = Stack.shared().breakerOpenings();
        requests.incrementAndGet();
        ApiClient.Response response = pastTheRateLimit(target.replace("{own}", own));
        if (response.status() != 400) {
            violations.add("GET " + target + " -> " + response.status());
        }
        assertThat(response.status()).as(target + ": " + response.raw()).isEqualTo(400);
        assertThat(response.contentType()).as(target).startsWith("application/problem+json");
        assertThat(Stack.shared().breakerOpenings()).as("breaker openings").isEqualTo(openings);
    }

    /**
     * The fuzz sends as fast as it can as one customer, past the gateway's per-customer rate limit now and then: a
     * 429 is the limit doing its job, not what this property is about, so the request is asked again a second later.
     */
    private static ApiClient.Response pastTheRateLimit(String path) throws InterruptedException {
        ApiClient.Response response = api.get(path);
        for (int again = 0; response.status() == 429 && again < 10; again++) {
            Thread.sleep(1_000);
            response = api.get(path);
        }
        return response;
    }

    @Provide
    Arbitrary<String> badEncodings() {
        // syntactically valid escapes of bytes that are not UTF-8 (a malformed escape such as %zz cannot even be sent
        // by Java's HTTP client; the gateway's IsolationIT sends those raw)
        Arbitrary<String> bad = Arbitraries.of("%ff%fe", "%c0%af", "%ED%A0%80", "%e2%82", "%F4%90%80%80", "%80",
                "a%ffb%fe", "%fe%ff%00");
        Arbitrary<String> where = Arbitraries.of("/api/v1/accounts/{own}/changes?since=", "/api/v1/accounts/{own}/messages?folder=",
                "/api/v1/accounts/{own}/messages?cursor=", "/api/v1/accounts/{own}/messages/", "/api/v1/accounts/",
                "/api/v1/accounts/{own}/quota?x=");
        return Combinators.combine(where, bad).as((w, b) -> w + b);
    }

    @Example // jqwik, so that the container's @BeforeContainer has run
    @Label("R7: expensive message headers on /sent and /drafts: 4xx or filed, never 5xx, no breaker opens")
    void expensiveHeadersAreRefusedOrFiledQuickly() {
        Stack stack = Stack.shared();
        double openings = stack.breakerOpenings();
        String device = api.post("/api/v1/accounts/" + own + "/devices",
                ApiClient.JSON.createObjectNode().put("name", "fuzz-phone")).body().path("deviceId").asString();
        java.util.Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("100k-element To: list", "To: " + "a@b.c,\r\n ".repeat(100_000) + "a@b.c\r\nSubject: x\r\n\r\nbody");
        bodies.put("100k commas", "To: " + ",".repeat(70).concat("\r\n ").repeat(1_430) + "\r\n\r\nbody");
        bodies.put("1 MB header line", "Subject: " + "x".repeat(1_000_000) + "\r\n\r\nbody");
        bodies.put("comments nested 100k deep", "From: a@b.c " + fold("(".repeat(100_000) + ")".repeat(100_000))
                + "\r\nSubject: deep\r\n\r\nbody");
        bodies.put("comments nested 30k deep", "From: a@b.c " + fold("(".repeat(30_000) + ")".repeat(30_000))
                + "\r\nSubject: deep\r\n\r\nbody");
        for (var body : bodies.entrySet()) {
            for (String route : java.util.List.of("/sent", "/drafts")) {
                requests.incrementAndGet();
                long start = System.nanoTime();
                ApiClient.Response response = api.sendAs(device, "POST", "/api/v1/accounts/" + own + route,
                        "message/rfc822", body.getValue());
                long millis = (System.nanoTime() - start) / 1_000_000;
                String what = "POST " + route + " with " + body.getKey() + " -> " + response.status() + " in "
                        + millis + " ms";
                if (response.status() >= 500) {
                    violations.add(what);
                }
                assertThat(response.status()).as(what + ": " + response.raw()).isLessThan(500);
                if (response.status() >= 400) {
                    assertThat(response.contentType()).as(what).startsWith("application/problem+json");
                }
            }
        }
        assertThat(stack.breakerOpenings()).as("breaker openings").isEqualTo(openings);
    }

    private static String fold(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i += 70) {
            out.append(value, i, Math.min(value.length(), i + 70)).append(i + 70 < value.length() ? "\r\n " : "");
        }
        return out.toString();
    }

    @Provide
    Arbitrary<String> refusedSegments() {
        return Arbitraries.of("%00", "%5C", "%2F", "a%5Cb", "%2F..%2F");
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<String> method = Arbitraries.of("GET", "GET", "POST", "PATCH", "DELETE", "PUT");
        Arbitrary<String> id = Arbitraries.oneOf(Arbitraries.just(own), Arbitraries.just(UUID.randomUUID().toString()),
                Arbitraries.strings().withCharRange('!', '~').excludeChars('\\', '/').ofMinLength(1).ofMaxLength(40)
                        .map(ApiClient::encode),
                Arbitraries.of("..", "%2e%2e", "null", "-1", "9999999999999999999999", "%E2%98%83",
                        "a".repeat(3000), "%25", "%27%20OR%20%271%27%3D%271", "%24where",
                        "%7B%22%24gt%22%3A%22%22%7D"));
        Arbitrary<String> tail = Arbitraries.of("", "/messages", "/messages/", "/changes", "/devices", "/quota",
                "/quota/x", "/messages/{m}", "/messages/{m}/raw", "/devices/{m}", "/unknown");
        Arbitrary<String> query = Arbitraries.of("", "?limit=-1", "?limit=abc", "?limit=100000", "?cursor=%25ZZ",
                "?cursor=abc", "?since=garbage", "?since=-5", "?since=1:2:3", "?maxChanges=0", "?maxChanges=x",
                "?folder=%00", "?customerId=someone-else", "?limit=1&limit=2");
        Arbitrary<String> path = Combinators.combine(id, tail, id, query).as((a, t, m, q) ->
                "/api/v1/accounts/" + a + t.replace("{m}", m) + q);
        Arbitrary<String> body = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of("{", "[]", "null", "42",
                        "{\"keywords\":{\"$seen\":\"yes\"}}", "{\"keywords\":null}", "{\"keywords\":{\"\":true}}",
                        "{\"protocol\":\"X400\",\"port\":\"many\"}", "{\"port\":99999999999}",
                        "{\"host\":null,\"username\":[1,2]}", "{\"pollInterval\":\"forever\"}",
                        "{\"keywords\":{\"$seen\":true}}", "{\"name\":" + "[".repeat(2000) + "}"),
                Arbitraries.strings().ofMaxLength(200));
        Arbitrary<String> contentType = Arbitraries.of("application/json", "application/json", "text/plain",
                "application/xml", "*/*", "application/json; charset=ebcdic");
        return Combinators.combine(method, path, contentType, body).as((m, p, c, b) ->
                new Request(m, p, b == null ? null : c, b));
    }
}
