package io.mailsync.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClients;
import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.TopicNames;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.MongoKit;
import io.mailsync.webhook.application.port.out.SubscriptionStore;
import io.mailsync.webhook.domain.EventType;
import io.mailsync.webhook.domain.SealedSecret;
import io.mailsync.webhook.domain.Subscription;
import io.mailsync.webhook.domain.SubscriptionId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, key rotation in every service: webhook-service started with key A seals a subscription's secret; restarted
 * with B as its key and A under {@code previous-keys}, it reseals it with B at start; restarted with B alone, the
 * secret still opens — and the database never holds it in clear.
 */
class KeyRotationIT {

    private static final String KEY_A = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String KEY_B = "YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXoxMjM0NTY=";
    private static final String SECRET = "whsec_rotation-test-secret";

    @Test
    void aSecretSealedWithKeyAIsResealedWithBAtStartAndOpensOnceAIsRemoved() {
        TopicNames topics = KafkaKit.newNamespace();
        String database = "webhooks-rotation-" + Long.toHexString(System.nanoTime());
        String mongo = MongoKit.uri(database);
        SubscriptionId id = SubscriptionId.random();
        try (WebhookInstance underA = WebhookInstance.start(topics, mongo, key("a", KEY_A, Map.of()))) {
            underA.context.getBean(SubscriptionStore.class).save(new Subscription(id, "cust-1",
                    URI.create("https://hooks.example.com/in"), Set.of(EventType.STATE_CHANGED),
                    Set.of(AccountId.of("acc-1")), List.of(new SealedSecret(new SecretCipher("a", KEY_A)
                    .encrypt(id.value(), SECRET), null)), Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        }
        assertThat(storedSecret(database, id)).startsWith("v1:a:");

        try (WebhookInstance rotating = WebhookInstance.start(topics, mongo, key("b", KEY_B, Map.of("a", KEY_A)))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> storedSecret(database, id).startsWith("v1:b:"));
        }
        try (WebhookInstance underB = WebhookInstance.start(topics, mongo, key("b", KEY_B, Map.of()))) {
            Subscription s = underB.context.getBean(SubscriptionStore.class).find(id).orElseThrow();
            assertThat(new SecretCipher("b", KEY_B).decrypt(id.value(), s.secrets().getFirst().encrypted()))
                    .isEqualTo(SECRET);
        }
        assertThat(storedSecret(database, id)).doesNotContain(SECRET);
    }

    private static Map<String, String> key(String id, String key, Map<String, String> previous) {
        Map<String, String> props = new java.util.HashMap<>(Harness.testSettings(4));
        props.put("mailsync.crypto.key-id", id);
        props.put("mailsync.crypto.key", key);
        previous.forEach((k, v) -> props.put("mailsync.crypto.previous-keys." + k, v));
        return props;
    }

    /** The sealed secret as the database holds it (read with a client of its own, as a dump would). */
    private static String storedSecret(String database, SubscriptionId id) {
        try (var client = MongoClients.create(MongoKit.baseUri())) {
            Document doc = client.getDatabase(database).getCollection("subscriptions")
                    .find(new Document("_id", id.value())).first();
            return doc.getList("secrets", Document.class).getFirst().getString("encrypted");
        }
    }
}
