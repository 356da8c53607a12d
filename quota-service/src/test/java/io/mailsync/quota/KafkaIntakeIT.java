package io.mailsync.quota;

import static io.mailsync.testkit.builders.MessageArrivedBuilder.aMessageArrived;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.EventCodec;
import io.mailsync.events.TopicNames;
import io.mailsync.events.Topics;
import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.application.ViewQuota;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.TopicReader;
import io.mailsync.testkit.openapi.DocumentedStatuses;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What arrives on the topics that is not a plain usage sample: poison, unknown types, other events, tombstones. */
@ExtendWith(DocumentedStatuses.Check.class) // issue 19: every status answered is documented
class KafkaIntakeIT {

    private static QuotaInstance quota;
    private static Wire wire;
    private static TopicNames topics;

    @BeforeAll
    static void start() {
        quota = SharedQuota.instance();
        wire = SharedQuota.wire();
        topics = new TopicNames(quota.context.getEnvironment().getProperty("mailsync.kafka.namespace"));
    }

    private static String newAccount() {
        String id = "acc-" + UUID.randomUUID();
        wire.account(id, "cust-" + id, id + "@home.example", Wire.GIB, null);
        quota.awaitAccount(id);
        return id;
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextRecordIsStillRead() {
        String id = newAccount();
        wire.send(topics.events(), id, "{not json");
        wire.send(topics.events(), id, "{\"type\":\"MailboxUsageSampled\",\"schemaVersion\":1,\"accountId\":\"" + id
                + "\"}"); // a known type missing required fields
        wire.usage(id, 81, Instant.now());

        List<ConsumerRecord<String, String>> dead = TopicReader.await(Topics.deadLetter(topics.events()),
                r -> id.equals(r.key()), 2, Duration.ofSeconds(30));
        assertThat(dead).extracting(ConsumerRecord::value)
                .containsExactly("{not json", "{\"type\":\"MailboxUsageSampled\",\"schemaVersion\":1,"
                        + "\"accountId\":\"" + id + "\"}");
        assertThat(TopicReader.deadLetterReason(dead.getFirst())).contains("not JSON");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Inbox.of(GreenMailKit.server(), id + "@home.example").size() == 1);
    }

    @Test
    void unknownTypesNewerVersionsAndOtherEventsAreSkipped() {
        String id = newAccount();
        wire.send(topics.events(), id, "{\"type\":\"MailboxShrunkByMagic\",\"schemaVersion\":1,\"accountId\":\""
                + id + "\"}");
        wire.send(topics.events(), id, "{\"type\":\"MailboxUsageSampled\",\"schemaVersion\":99,\"accountId\":\""
                + id + "\",\"storageUsedBytes\":1}");
        wire.publish(aMessageArrived().forAccount(id).withUidl("uidl-1").build());
        wire.send(topics.accounts(), id, "{\"type\":\"SomethingNew\",\"schemaVersion\":1,\"accountId\":\"" + id
                + "\",\"extra\":{\"nested\":true}}");
        wire.usage(id, 91, Instant.now());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Inbox.of(GreenMailKit.server(), id + "@home.example").size() == 1);
        assertThat(new EventCodec().decode("{\"type\":\"MailboxShrunkByMagic\"}"))
                .isInstanceOf(EventCodec.Decoded.Unknown.class);
    }

    @Test
    void aTombstoneForgetsTheAccount() {
        String id = newAccount();
        wire.usage(id, 50, Instant.now());
        ViewQuota view = quota.bean(ViewQuota.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> view.view(AccountId.of(id), "cust-" + id, false)
                .filter(v -> !v.resources().isEmpty()).isPresent());
        wire.send(topics.accounts(), id, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> view.view(AccountId.of(id), "cust-" + id, false).isEmpty());
    }
}
