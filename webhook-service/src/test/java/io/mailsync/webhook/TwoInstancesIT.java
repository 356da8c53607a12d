package io.mailsync.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.TopicNames;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.MongoKit;
import io.mailsync.testkit.WebhookReceiver;
import io.mailsync.testkit.openapi.DocumentedStatuses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 19: "two instances → each event delivered once per subscription". Two replicas share the database and the
 * consumer groups, and both hold partitions of the fan-out and of the delivery topic while events of many accounts
 * go through them.
 */
@ExtendWith(DocumentedStatuses.Check.class) // issue 19: every status answered is documented
class TwoInstancesIT {

    private static final int ACCOUNTS = 12;
    private static final List<String> STATES = List.of("s1", "s2");
    private static WebhookInstance first;
    private static WebhookInstance second;
    private static Harness h;

    @BeforeAll
    static void start() {
        TopicNames topics = KafkaKit.newNamespace();
        String mongo = MongoKit.uriForNewDatabase("webhooks-two");
        first = WebhookInstance.start(topics, mongo, Harness.testSettings(4));
        second = WebhookInstance.start(topics, mongo, Harness.testSettings(4));
        h = new Harness(topics, first);
    }

    @AfterAll
    static void stop() {
        h.close();
        second.close();
        first.close();
    }

    @Test
    void eachEventIsDeliveredOncePerSubscriptionByTwoReplicas() throws Exception {
        String[] ca = h.aCustomerWithAnAccount();
        List<String> accounts = new ArrayList<>(List.of(ca[1]));
        while (accounts.size() < ACCOUNTS) {
            accounts.add(h.anotherAccountOf(ca[0]));
        }
        try (WebhookReceiver all = WebhookReceiver.up(); WebhookReceiver one = WebhookReceiver.up()) {
            h.subscribed(ca[0], accounts, all, List.of("account.state"));
            h.subscribed(ca[0], accounts.getLast(), one);
            await().atMost(Duration.ofSeconds(30)).until(() -> List.of(first, second).stream().allMatch(
                    i -> i.assignedPartitions("webhooks-state") > 0 && i.assignedPartitions("webhooks-deliver") > 0));

            for (String account : accounts) {
                for (String state : STATES) {
                    h.stateAdvanced(account, state);
                }
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> all.acceptedByEventId().size() == ACCOUNTS * 2
                    && one.acceptedByEventId().size() == 2);
            // what might come twice has had time to: a second fan-out or a second delivery would show here
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> all.requests().size() == ACCOUNTS * 2 && one.requests().size() == 2);
            assertThat(all.acceptedByEventId().values()).containsOnly(1L);
            assertThat(one.acceptedByEventId()).isEqualTo(Map.of(accounts.getLast() + ":s1", 1L,
                    accounts.getLast() + ":s2", 1L));
        }
    }
}
