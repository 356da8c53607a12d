package io.mailsync.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.MailboxUsageSampled;
import io.mailsync.events.QuotaLevelCrossed;
import io.mailsync.events.TopicNames;
import io.mailsync.quota.application.ReconcileAccounts;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.MongoKit;
import io.mailsync.testkit.openapi.DocumentedStatuses;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two replicas (two Spring contexts: one consumer group, one database) while a rebalance moves partitions
 * between them, both run the reconciliation over and over, and every event is delivered twice: each notice is
 * still sent exactly once.
 */
@ExtendWith(DocumentedStatuses.Check.class) // issue 19: every status answered is documented
class TwoInstancesIT {

    private static final int ACCOUNTS = 12;
    private static TopicNames topics;
    private static QuotaInstance a;
    private static QuotaInstance b;
    private static Wire wire;

    @BeforeAll
    static void start() {
        topics = KafkaKit.newNamespace();
        String db = MongoKit.uriForNewDatabase("quota-pair");
        a = QuotaInstance.start(topics, db, GreenMailKit.smtpPort(), QuotaInstance.newClock(), Map.of());
        b = QuotaInstance.start(topics, db, GreenMailKit.smtpPort(), QuotaInstance.newClock(), Map.of());
        wire = new Wire(topics);
    }

    @AfterAll
    static void stop() {
        wire.close();
        b.close();
        a.close();
    }

    @Test
    void eachNoticeIsSentOnceAcrossReplicasReconciliationsAndReplays() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            String id = "acc-" + UUID.randomUUID();
            ids.add(id);
            wire.account(id, "cust-" + id, id + "@pair.example", Wire.GIB, null);
        }
        ids.forEach(a::awaitAccount); // one database: whichever replica stored it
        AtomicBoolean reconciling = new AtomicBoolean(true);
        List<Thread> reconcilers = List.of(a, b).stream().map(q -> Thread.ofPlatform().start(() -> {
            while (reconciling.get()) {
                q.bean(ReconcileAccounts.class).reconcileAll();
            }
        })).toList();

        Instant t = Instant.now();
        List<MailboxUsageSampled> samples = new ArrayList<>();
        for (String id : ids) {
            samples.add(Wire.sample(id, 50, t));
            samples.add(Wire.sample(id, 81, t.plusSeconds(60)));
            samples.add(Wire.sample(id, 91, t.plusSeconds(120)));
        }
        samples.forEach(wire::publish);
        samples.forEach(wire::publish); // every event again: a replay after a rebalance or a producer retry

        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id ->
                Inbox.of(GreenMailKit.server(), id + "@pair.example").size() >= 2 && wire.alertsFor(id).size() >= 2));
        await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() -> true);
        reconciling.set(false);
        for (Thread r : reconcilers) {
            r.join();
        }

        for (String id : ids) {
            assertThat(Inbox.of(GreenMailKit.server(), id + "@pair.example")).as(id)
                    .extracting(Inbox.Mail::subject)
                    .containsExactly("Your mailbox is 80% full", "Your mailbox is 90% full — please make room soon");
            assertThat(wire.alertsFor(id)).as(id).extracting(e -> ((QuotaLevelCrossed) e).level())
                    .containsExactly(80, 90);
        }
        double sentByA = sent(a);
        double sentByB = sent(b);
        assertThat(sentByA + sentByB).isEqualTo(2.0 * ACCOUNTS);
        assertThat(sentByA).as("both replicas took part").isPositive();
        assertThat(sentByB).as("both replicas took part").isPositive();
    }

    private static double sent(QuotaInstance q) {
        return q.bean(MeterRegistry.class).find("mailsync.quota.alerts.sent").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}
