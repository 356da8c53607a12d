package io.mailsync.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.AccountStatusChanged;
import io.mailsync.events.AccountStatusChanged.Status;
import io.mailsync.events.TopicNames;
import io.mailsync.fetcher.adapter.in.kafka.OwnershipProbe;
import io.mailsync.fetcher.support.AccountFeed;
import io.mailsync.fetcher.support.EventTap;
import io.mailsync.fetcher.support.FetcherGroup;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.KafkaKit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Two fetchers in one consumer group share the accounts; when one shuts down its accounts move to the other, and
 * at no point does an account have a session in both.
 */
class OwnershipIT {

    private static final int ACCOUNTS = 12;

    @Test
    void twoFetchersShareTheAccountsAndOnesShutdownMovesItsAccountsWithoutEverHoldingOneTwice() throws Exception {
        TopicNames topics = KafkaKit.newNamespace();
        String database = "mailsync-fetcher-" + UUID.randomUUID().toString().substring(0, 8);
        try (EventTap events = new EventTap(topics.events()); AccountFeed accounts = new AccountFeed(topics);
             ConfigurableApplicationContext a = FetcherGroup.start("fetcher-a", topics, database, Map.of())) {
            ConfigurableApplicationContext b = FetcherGroup.start("fetcher-b", topics, database, Map.of());
            await().atMost(Duration.ofSeconds(30)).until(() -> owns(a) && owns(b));
            // commands follow the accounts by partition number: an account's commands reach the fetcher that owns it
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(OwnershipProbe.commandPartitions(a)).isEqualTo(partitions(a, topics.accounts()));
                assertThat(OwnershipProbe.commandPartitions(b)).isEqualTo(partitions(b, topics.accounts()));
            });

            List<String> ids = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                MailUser user = GreenMailKit.newUser("owner");
                String id = "acc-" + UUID.randomUUID();
                accounts.register(accounts.imap(id, GreenMailKit.imapPort(), user.login(), user.password()));
                ids.add(id);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> latest(events, id) == Status.IDLE));
            Map<String, String> ownerBefore = ids.stream().collect(Collectors.toMap(id -> id, id -> holder(events, id)));
            assertThat(Set.copyOf(ownerBefore.values())).containsExactlyInAnyOrder("fetcher-a", "fetcher-b");

            b.close();
            Map<String, Long> stopsOfA = ids.stream().filter(id -> "fetcher-a".equals(ownerBefore.get(id)))
                    .collect(Collectors.toMap(id -> id, id -> stops(events, id, "fetcher-a")));

            await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream()
                    .allMatch(id -> latest(events, id) == Status.IDLE && "fetcher-a".equals(holder(events, id))));
            assertThat(OwnershipProbe.commandPartitions(a)).hasSize(12);
            // incremental rebalance: A's own accounts were not closed and reopened when B left
            stopsOfA.forEach((id, before) -> assertThat(stops(events, id, "fetcher-a")).as(id).isEqualTo(before));
            for (String id : ids) {
                assertThat(overlaps(events.of(AccountStatusChanged.class, id))).as("sessions of %s", id).isEmpty();
            }
            for (String id : ids) {
                accounts.remove(id);
            }
        }
    }

    private static boolean owns(ConfigurableApplicationContext context) {
        MessageListenerContainer container = context.getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer("fetcher-ownership");
        return container != null && container.getAssignedPartitions() != null
                && container.getAssignedPartitions().size() == 6; // half of the accounts topic's 12 partitions
    }

    private static Set<Integer> partitions(ConfigurableApplicationContext context, String topic) {
        return context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("fetcher-ownership")
                .getAssignedPartitions().stream().filter(tp -> tp.topic().equals(topic))
                .map(org.apache.kafka.common.TopicPartition::partition).collect(Collectors.toSet());
    }

    private static Status latest(EventTap events, String accountId) {
        List<AccountStatusChanged> statuses = events.of(AccountStatusChanged.class, accountId);
        return statuses.isEmpty() ? null : statuses.getLast().status();
    }

    private static long stops(EventTap events, String accountId, String instance) {
        return events.of(AccountStatusChanged.class, accountId).stream()
                .filter(s -> s.status() == Status.STOPPED && s.origin().id().startsWith(instance + "/")).count();
    }

    private static String holder(EventTap events, String accountId) {
        String origin = events.of(AccountStatusChanged.class, accountId).getLast().origin().id();
        return origin.substring(0, origin.indexOf('/'));
    }

    /** Walks an account's statuses in topic order: a session runs from CONNECTING to STOPPED. */
    private static List<String> overlaps(List<AccountStatusChanged> statuses) {
        List<String> problems = new ArrayList<>();
        String holding = null;
        for (AccountStatusChanged s : statuses) {
            String instance = s.origin().id().substring(0, s.origin().id().indexOf('/'));
            if (s.status() == Status.STOPPED) {
                if (instance.equals(holding)) {
                    holding = null;
                }
            } else if (holding == null) {
                holding = instance;
            } else if (!holding.equals(instance)) {
                problems.add(instance + " " + s.status() + " while " + holding + " held the account");
            }
        }
        return problems;
    }
}
