package io.mailsync.webhook;

import static io.mailsync.testkit.builders.AccountSpecBuilder.anAccountSpec;
import static io.mailsync.testkit.builders.MessageArrivedBuilder.aMessageArrived;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.AccountStateAdvanced;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.QuotaAlert;
import io.mailsync.events.QuotaLevelCrossed;
import io.mailsync.events.EventCodec;
import io.mailsync.events.TopicNames;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.MongoKit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 19's webhooks on a real Kafka broker, the MongoDB wire server and real HTTP receivers on loopback (allowed for
 * this test by {@code mailsync.webhooks.targets.allow=127.0.0.1}): a state change arrives signed; a receiver that is
 * down gets everything once it is up, nothing twice; one that always fails gets it parked, and redeliver works.
 */
class WebhooksIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int ATTEMPTS = 4;
    private static final EventCodec CODEC = new EventCodec();

    private static TopicNames topics;
    private static WebhookInstance webhooks;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void start() {
        topics = KafkaKit.newNamespace();
        webhooks = WebhookInstance.start(topics, MongoKit.uriForNewDatabase("webhooks-it"), Map.of(
                "mailsync.webhooks.allow-http", "true",
                "mailsync.webhooks.targets.allow", "127.0.0.1",
                "mailsync.webhooks.targets.ports", "1024-65535",
                "mailsync.webhooks.delivery.attempts", String.valueOf(ATTEMPTS),
                "mailsync.webhooks.delivery.first-delay", "300ms",
                "mailsync.webhooks.delivery.multiplier", "2",
                "mailsync.webhooks.delivery.max-delay", "1s",
                "mailsync.webhooks.delivery.jitter", "50ms"));
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", KafkaKit.bootstrapServers(), "linger.ms", 0,
                "acks", "all"), new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stop() {
        producer.close();
        webhooks.close();
    }

    private static void send(String topic, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
    }

    /** A customer with one account, known to webhook-service through the accounts topic. */
    private static String[] aCustomerWithAnAccount() throws Exception {
        String customer = "cust-" + UUID.randomUUID();
        String account = "acc-" + UUID.randomUUID();
        send(topics.accounts(), account, CODEC.encode(anAccountSpec().forAccount(account).ofCustomer(customer).build()));
        return new String[] {customer, account};
    }

    private static void stateAdvanced(String account, String state) throws Exception {
        send(topics.state(), account, CODEC.encode(new AccountStateAdvanced(account, state, Instant.now())));
    }

    private static String token(String customer) {
        return JwtKit.shared().tokenFor(List.of(WebhookInstance.AUDIENCE), customer, "webhooks.manage");
    }

    private static HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webhooks.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> subscribe(String customer, String url, List<String> accounts) throws Exception {
        return subscribe(customer, url, accounts, List.of("account.state"));
    }

    private static HttpResponse<String> subscribe(String customer, String url, List<String> accounts,
                                                  List<String> events) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("url", url);
        events.forEach(body.withArray("events")::add);
        accounts.forEach(body.withArray("accounts")::add);
        return call("POST", "/api/v1/webhooks", token(customer), body.toString());
    }

    /** Subscribes once the account's owner is known (the accounts topic is read asynchronously). */
    private static JsonNode subscribed(String customer, String account, Receiver receiver) {
        return subscribed(customer, account, receiver, List.of("account.state"));
    }

    private static JsonNode subscribed(String customer, String account, Receiver receiver, List<String> events) {
        JsonNode[] created = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> response = subscribe(customer, receiver.url(), List.of(account), events);
            created[0] = response.statusCode() == 201 ? JSON.readTree(response.body()) : null;
            return created[0] != null;
        });
        receiver.trust(created[0].path("secret").asString());
        return created[0];
    }

    private static JsonNode deliveries(String customer, String id) throws Exception {
        HttpResponse<String> response = call("GET", "/api/v1/webhooks/" + id + "/deliveries", token(customer), null);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String statusOf(String customer, String id, String eventId) throws Exception {
        for (JsonNode entry : deliveries(customer, id)) {
            if (entry.path("eventId").asString().equals(eventId)) {
                return entry.path("status").asString() + "/" + entry.path("attempts").asInt();
            }
        }
        return "none";
    }

    @Test
    void aStateChangeIsDeliveredSignedWithItsEventIdAndLogged() throws Exception {
        String[] ca = aCustomerWithAnAccount();
        try (Receiver receiver = Receiver.up()) {
            JsonNode sub = subscribed(ca[0], ca[1], receiver);
            assertThat(sub.path("secret").asString()).startsWith("whsec_");

            stateAdvanced(ca[1], "s1");

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acceptedByEventId().containsKey(ca[1] + ":s1"));
            Receiver.Request request = receiver.requests().getFirst();
            assertThat(request.refusal()).isEmpty(); // the receiver verified the signature with the secret it was shown
            JsonNode body = JSON.readTree(request.body());
            assertThat(body.path("type").asString()).isEqualTo("account.state");
            assertThat(body.path("data").path("state").asString()).isEqualTo("s1");
            assertThat(body.path("subscriptionId").asString()).isEqualTo(sub.path("id").asString());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> statusOf(ca[0], sub.path("id").asString(), ca[1] + ":s1").equals("DELIVERED/1"));

            JsonNode listed = JSON.readTree(call("GET", "/api/v1/webhooks", token(ca[0]), null).body());
            assertThat(listed.get(0).has("secret")).as("the secret is shown once").isFalse();
        }
    }

    @Test
    void newMailAndAQuotaLevelReachASubscriptionForThemAndOtherTypesDoNot() throws Exception {
        String[] ca = aCustomerWithAnAccount();
        try (Receiver receiver = Receiver.up()) {
            subscribed(ca[0], ca[1], receiver, List.of("message.arrived", "quota.level"));
            MessageArrived arrived = aMessageArrived().forAccount(ca[1]).inFolder("INBOX").withUid(5).build();
            QuotaLevelCrossed level = new QuotaLevelCrossed(UUID.randomUUID(), Instant.now(), ca[1],
                    QuotaAlert.Resource.STORAGE, 90, QuotaLevelCrossed.Direction.UP, 90, 100, 90.0);
            send(topics.events(), ca[1], "{\"type\":\"SomethingNew\",\"schemaVersion\":1,\"accountId\":\"" + ca[1]
                    + "\"}"); // a type this build does not know is skipped (forward compatibility)
            stateAdvanced(ca[1], "s1"); // not subscribed to
            send(topics.events(), ca[1], CODEC.encode(arrived));
            send(topics.quotaAlerts(), ca[1], CODEC.encode(level));

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acceptedByEventId().size() == 2);
            assertThat(receiver.acceptedByEventId()).containsOnlyKeys(arrived.eventId().toString(),
                    level.eventId().toString());
            JsonNode mail = JSON.readTree(receiver.requests().getFirst().body());
            assertThat(mail.path("type").asString()).isEqualTo("message.arrived");
            assertThat(mail.path("data").path("uid").asString()).isEqualTo("5");
        }
    }

    @Test
    void aReceiverThatIsDownGetsEveryEventOnceItIsUpAndNoneTwice() throws Exception {
        String[] ca = aCustomerWithAnAccount();
        try (Receiver receiver = Receiver.down()) {
            String id = subscribed(ca[0], ca[1], receiver).path("id").asString();
            for (String state : List.of("s1", "s2", "s3")) {
                stateAdvanced(ca[1], state);
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> statusOf(ca[0], id, ca[1] + ":s3").startsWith("FAILING/"));

            receiver.start();

            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.acceptedByEventId().size() == 3);
            // every delivery, retried or not, has reached its end: the log says delivered for all three
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (String state : List.of("s1", "s2", "s3")) {
                    if (!statusOf(ca[0], id, ca[1] + ":" + state).startsWith("DELIVERED/")) {
                        return false;
                    }
                }
                return true;
            });
            assertThat(receiver.acceptedByEventId()).containsOnlyKeys(ca[1] + ":s1", ca[1] + ":s2", ca[1] + ":s3")
                    .allSatisfy((eventId, times) -> assertThat(times).as(eventId).isEqualTo(1L));
            assertThat(statusOf(ca[0], id, ca[1] + ":s1")).isNotEqualTo("DELIVERED/1"); // it was retried
        }
    }

    @Test
    void aReceiverThatAlwaysFailsGetsTheDeliveryParkedAndRedeliverWorks() throws Exception {
        String[] ca = aCustomerWithAnAccount();
        try (Receiver receiver = Receiver.up()) {
            receiver.answer(500);
            String id = subscribed(ca[0], ca[1], receiver).path("id").asString();
            String eventId = ca[1] + ":s9";
            stateAdvanced(ca[1], "s9");

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> statusOf(ca[0], id, eventId).equals("PARKED/" + ATTEMPTS));
            assertThat(receiver.requests()).hasSize(ATTEMPTS);
            assertThat(deliveries(ca[0], id).get(0).path("lastError").asString()).isEqualTo("the receiver answered 500");

            receiver.answer(200);
            assertThat(call("POST", "/api/v1/webhooks/" + id + "/deliveries/" + eventId + "/redeliver", token(ca[0]),
                    null).statusCode()).isEqualTo(202);

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acceptedByEventId().containsKey(eventId));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> statusOf(ca[0], id, eventId).equals("DELIVERED/" + (ATTEMPTS + 1)));
            assertThat(call("POST", "/api/v1/webhooks/" + id + "/deliveries/" + eventId + "/redeliver",
                    token("cust-other"), null).statusCode()).as("another customer's").isEqualTo(404);
        }
    }

    @Test
    void aLoopbackOrPrivateUrlNotAllowListedIsA400AndNothingIsStored() throws Exception {
        String customer = "cust-" + UUID.randomUUID();
        for (String url : List.of("http://10.0.0.7:8080/hook", "http://[::1]:8080/hook", "http://localhost:8080/hook",
                "http://169.254.169.254:8080/latest/meta-data", "http://127.0.0.2:8080/hook")) {
            HttpResponse<String> response = subscribe(customer, url, List.of());
            assertThat(response.statusCode()).as(url).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(JSON.readTree(response.body()).path("detail").asString())
                    .isEqualTo("url: mailsync may not send to this host and port");
        }
        assertThat(JSON.readTree(call("GET", "/api/v1/webhooks", token(customer), null).body())).isEmpty();
    }

    @Test
    void anotherCustomersSubscriptionIs404AndTheScopeAndAudienceAreChecked() throws Exception {
        String[] ca = aCustomerWithAnAccount();
        try (Receiver receiver = Receiver.up()) {
            String id = subscribed(ca[0], ca[1], receiver).path("id").asString();
            String other = token("cust-other-" + UUID.randomUUID());
            assertThat(call("GET", "/api/v1/webhooks/" + id, other, null).statusCode()).isEqualTo(404);
            assertThat(call("DELETE", "/api/v1/webhooks/" + id, other, null).statusCode()).isEqualTo(404);
            assertThat(call("POST", "/api/v1/webhooks/" + id + "/secret", other, null).statusCode()).isEqualTo(404);
            assertThat(call("GET", "/api/v1/webhooks/" + id + "/deliveries", other, null).statusCode()).isEqualTo(404);
            assertThat(subscribe("cust-other", receiver.url(), List.of(ca[1])).statusCode())
                    .as("subscribing to another customer's account").isEqualTo(400);

            assertThat(call("GET", "/api/v1/webhooks", JwtKit.shared().tokenFor(List.of(WebhookInstance.AUDIENCE),
                    ca[0], "mail.read"), null).statusCode()).isEqualTo(403);
            assertThat(call("GET", "/api/v1/webhooks", JwtKit.shared().token(ca[0], "webhooks.manage"), null)
                    .statusCode()).as("a token for other services").isEqualTo(401);

            HttpResponse<String> rotated = call("POST", "/api/v1/webhooks/" + id + "/secret", token(ca[0]), null);
            assertThat(rotated.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(rotated.body()).path("secret").asString()).startsWith("whsec_");
            assertThat(call("DELETE", "/api/v1/webhooks/" + id, token(ca[0]), null).statusCode()).isEqualTo(204);
            assertThat(call("GET", "/api/v1/webhooks/" + id, token(ca[0]), null).statusCode()).isEqualTo(404);
        }
    }
}
