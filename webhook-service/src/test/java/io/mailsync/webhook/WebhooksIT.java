package io.mailsync.webhook;

import static io.mailsync.testkit.builders.AccountSpecBuilder.anAccountSpec;
import static io.mailsync.testkit.builders.MessageArrivedBuilder.aMessageArrived;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.EventCodec;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.QuotaAlert;
import io.mailsync.events.QuotaLevelCrossed;
import io.mailsync.events.TopicNames;
import io.mailsync.events.mail.AccountId;
import io.mailsync.testkit.JwtKit;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.MongoKit;
import io.mailsync.testkit.WebhookReceiver;
import io.mailsync.testkit.openapi.DocumentedStatuses;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19's webhooks on a real Kafka broker, the MongoDB wire server and real HTTP receivers on loopback (allowed for
 * this test by {@code mailsync.webhooks.targets.allow=127.0.0.1}): a state change arrives signed; a receiver that is
 * down gets everything once it is up, nothing twice; one that always fails gets it parked, and redeliver works.
 */
@ExtendWith(DocumentedStatuses.Check.class) // issue 19: every status answered is documented
class WebhooksIT {

    private static final JsonMapper JSON = Harness.JSON;
    private static final EventCodec CODEC = Harness.CODEC;
    private static final int ATTEMPTS = 4;

    private static TopicNames topics;
    private static WebhookInstance webhooks;
    private static Harness h;

    @BeforeAll
    static void start() {
        topics = KafkaKit.newNamespace();
        webhooks = WebhookInstance.start(topics, MongoKit.uriForNewDatabase("webhooks-it"),
                Harness.testSettings(ATTEMPTS));
        h = new Harness(topics, webhooks);
    }

    @AfterAll
    static void stop() {
        h.close();
        webhooks.close();
    }

    @Test
    void aStateChangeIsDeliveredSignedWithItsEventIdAndLogged() throws Exception {
        String[] ca = h.aCustomerWithAnAccount();
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            JsonNode sub = h.subscribed(ca[0], ca[1], receiver);
            assertThat(sub.path("secret").asString()).startsWith("whsec_");

            h.stateAdvanced(ca[1], "s1");

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acceptedByEventId().containsKey(ca[1] + ":s1"));
            WebhookReceiver.Request request = receiver.requests().getFirst();
            assertThat(request.refusal()).isEmpty(); // the receiver verified the signature with the secret it was shown
            JsonNode body = JSON.readTree(request.body());
            assertThat(body.path("type").asString()).isEqualTo("account.state");
            assertThat(body.path("data").path("state").asString()).isEqualTo("s1");
            assertThat(body.path("subscriptionId").asString()).isEqualTo(sub.path("id").asString());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> h.statusOf(ca[0], sub.path("id").asString(), ca[1] + ":s1").equals("DELIVERED/1"));

            JsonNode listed = JSON.readTree(h.call("GET", "/api/v1/webhooks", h.token(ca[0]), null).body());
            assertThat(listed.get(0).has("secret")).as("the secret is shown once").isFalse();
        }
    }

    @Test
    void newMailAndAQuotaLevelReachASubscriptionForThemAndOtherTypesDoNot() throws Exception {
        String[] ca = h.aCustomerWithAnAccount();
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            h.subscribed(ca[0], ca[1], receiver, List.of("message.arrived", "quota.level"));
            MessageArrived arrived = aMessageArrived().forAccount(ca[1]).inFolder("INBOX").withUid(5).build();
            QuotaLevelCrossed level = new QuotaLevelCrossed(UUID.randomUUID(), Instant.now(), AccountId.of(ca[1]),
                    QuotaAlert.Resource.STORAGE, 90, QuotaLevelCrossed.Direction.UP, 90, 100, 90.0);
            h.send(topics.events(), ca[1], "{\"type\":\"SomethingNew\",\"schemaVersion\":1,\"accountId\":\"" + ca[1]
                    + "\"}"); // a type this build does not know is skipped (forward compatibility)
            h.stateAdvanced(ca[1], "s1"); // not subscribed to
            h.send(topics.events(), ca[1], CODEC.encode(arrived));
            h.send(topics.quotaAlerts(), ca[1], CODEC.encode(level));

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acceptedByEventId().size() == 2);
            assertThat(receiver.acceptedByEventId()).containsOnlyKeys(arrived.eventId().toString(),
                    level.eventId().toString());
            JsonNode mail = JSON.readTree(receiver.requests().getFirst().body());
            assertThat(mail.path("type").asString()).isEqualTo("message.arrived");
            assertThat(mail.path("data").path("uid").asString()).isEqualTo("5");
        }
    }

    @Test
    void aPoisonRecordAmongNewMailIsDeadLetteredAndEveryMessageAroundItIsDeliveredOnce() throws Exception {
        String[] ca = h.aCustomerWithAnAccount();
        String tag = UUID.randomUUID().toString();
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            h.subscribed(ca[0], ca[1], receiver, List.of("message.arrived"));
            List<MessageArrived> before = new ArrayList<>();
            List<MessageArrived> after = new ArrayList<>();
            for (int uid = 1; uid <= 40; uid++) { // one poll's worth or more: the fan-out takes a poll at a time
                (uid <= 20 ? before : after).add(aMessageArrived().forAccount(ca[1]).inFolder("INBOX").withUid(uid)
                        .build());
            }
            for (MessageArrived arrived : before) {
                h.send(topics.events(), ca[1], CODEC.encode(arrived));
            }
            String poison = "{\"type\":\"MessageArrived\",\"schemaVersion\":1,\"accountId\":\"" + ca[1]
                    + "\",\"poison\":\"" + tag + "\"}"; // a known type without its fields
            h.send(topics.events(), ca[1], poison);
            for (MessageArrived arrived : after) {
                h.send(topics.events(), ca[1], CODEC.encode(arrived));
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acceptedByEventId().size() == 40);
            List<ConsumerRecord<String, String>> dead = h.awaitDeadLetters(topics.events(),
                    r -> r.value() != null && r.value().contains(tag), 1);
            assertThat(dead).extracting(ConsumerRecord::value).containsExactly(poison);
            // and stays so: a replay of the records before the poison would arrive within this second
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                    assertThat(receiver.acceptedByEventId()).hasSize(40)
                            .allSatisfy((eventId, times) -> assertThat(times).as(eventId).isEqualTo(1L)));
        }
    }

    @Test
    void anUnreadableQueueRecordIsSetAsideAndTheNextDeliveryStillArrives() throws Exception {
        String[] ca = h.aCustomerWithAnAccount();
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            h.subscribed(ca[0], ca[1], receiver);
            h.send(topics.namespace() + "webhook.deliveries", "wh_0123456789abcdef0123456789abcdef", "not json");
            h.stateAdvanced(ca[1], "s2");
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acceptedByEventId().containsKey(ca[1] + ":s2"));
            assertThat(receiver.requests()).hasSize(1);
        }
    }

    @Test
    void aReceiverThatIsDownGetsEveryEventOnceItIsUpAndNoneTwice() throws Exception {
        String[] ca = h.aCustomerWithAnAccount();
        try (WebhookReceiver receiver = WebhookReceiver.down()) {
            String id = h.subscribed(ca[0], ca[1], receiver).path("id").asString();
            for (String state : List.of("s1", "s2", "s3")) {
                h.stateAdvanced(ca[1], state);
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> h.statusOf(ca[0], id, ca[1] + ":s3").startsWith("FAILING/"));

            receiver.start();

            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.acceptedByEventId().size() == 3);
            // every delivery, retried or not, has reached its end: the log says delivered for all three
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (String state : List.of("s1", "s2", "s3")) {
                    if (!h.statusOf(ca[0], id, ca[1] + ":" + state).startsWith("DELIVERED/")) {
                        return false;
                    }
                }
                return true;
            });
            assertThat(receiver.acceptedByEventId()).containsOnlyKeys(ca[1] + ":s1", ca[1] + ":s2", ca[1] + ":s3")
                    .allSatisfy((eventId, times) -> assertThat(times).as(eventId).isEqualTo(1L));
            assertThat(h.statusOf(ca[0], id, ca[1] + ":s1")).isNotEqualTo("DELIVERED/1"); // it was retried
        }
    }

    @Test
    void aReceiverThatAlwaysFailsGetsTheDeliveryParkedAndRedeliverWorks() throws Exception {
        String[] ca = h.aCustomerWithAnAccount();
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            receiver.answer(500);
            String id = h.subscribed(ca[0], ca[1], receiver).path("id").asString();
            String eventId = ca[1] + ":s9";
            h.stateAdvanced(ca[1], "s9");

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> h.statusOf(ca[0], id, eventId).equals("PARKED/" + ATTEMPTS));
            assertThat(receiver.requests()).hasSize(ATTEMPTS);
            assertThat(h.deliveries(ca[0], id).get(0).path("lastError").asString()).isEqualTo("the receiver answered 500");

            receiver.answer(200);
            assertThat(h.call("POST", "/api/v1/webhooks/" + id + "/deliveries/" + eventId + "/redeliver", h.token(ca[0]),
                    null).statusCode()).isEqualTo(202);

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acceptedByEventId().containsKey(eventId));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> h.statusOf(ca[0], id, eventId).equals("DELIVERED/" + (ATTEMPTS + 1)));
            assertThat(h.call("POST", "/api/v1/webhooks/" + id + "/deliveries/" + eventId + "/redeliver",
                    h.token("cust-other"), null).statusCode()).as("another customer's").isEqualTo(404);
        }
    }

    @Test
    void aLoopbackOrPrivateUrlNotAllowListedIsA400AndNothingIsStored() throws Exception {
        String customer = "cust-" + UUID.randomUUID();
        for (String url : List.of("http://10.0.0.7:8080/hook", "http://[::1]:8080/hook", "http://localhost:8080/hook",
                "http://169.254.169.254:8080/latest/meta-data", "http://127.0.0.2:8080/hook")) {
            HttpResponse<String> response = h.subscribe(customer, url, List.of());
            assertThat(response.statusCode()).as(url).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(JSON.readTree(response.body()).path("detail").asString())
                    .isEqualTo("url: mailsync may not send to this host and port");
        }
        assertThat(JSON.readTree(h.call("GET", "/api/v1/webhooks", h.token(customer), null).body())).isEmpty();
    }

    @Test
    void anotherCustomersSubscriptionIs404AndTheScopeAndAudienceAreChecked() throws Exception {
        String[] ca = h.aCustomerWithAnAccount();
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            String id = h.subscribed(ca[0], ca[1], receiver).path("id").asString();
            String other = h.token("cust-other-" + UUID.randomUUID());
            assertThat(h.call("GET", "/api/v1/webhooks/" + id, other, null).statusCode()).isEqualTo(404);
            assertThat(h.call("DELETE", "/api/v1/webhooks/" + id, other, null).statusCode()).isEqualTo(404);
            assertThat(h.call("POST", "/api/v1/webhooks/" + id + "/secret", other, null).statusCode()).isEqualTo(404);
            assertThat(h.call("GET", "/api/v1/webhooks/" + id + "/deliveries", other, null).statusCode()).isEqualTo(404);
            assertThat(h.subscribe("cust-other", receiver.url(), List.of(ca[1])).statusCode())
                    .as("subscribing to another customer's account").isEqualTo(400);

            assertThat(h.call("GET", "/api/v1/webhooks", JwtKit.shared().tokenFor(List.of(WebhookInstance.AUDIENCE),
                    ca[0], "mail.read"), null).statusCode()).isEqualTo(403);
            assertThat(h.call("GET", "/api/v1/webhooks", JwtKit.shared().token(ca[0], "webhooks.manage"), null)
                    .statusCode()).as("a token for other services").isEqualTo(401);

            HttpResponse<String> rotated = h.call("POST", "/api/v1/webhooks/" + id + "/secret", h.token(ca[0]), null);
            assertThat(rotated.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(rotated.body()).path("secret").asString()).startsWith("whsec_");
            assertThat(h.call("DELETE", "/api/v1/webhooks/" + id, h.token(ca[0]), null).statusCode()).isEqualTo(204);
            assertThat(h.call("GET", "/api/v1/webhooks/" + id, h.token(ca[0]), null).statusCode()).isEqualTo(404);
        }
    }
}
