package io.mailsync.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.AccountStatusChanged;
import io.mailsync.events.AccountStatusChanged.Status;
import io.mailsync.events.TopicNames;
import io.mailsync.fetcher.support.AccountFeed;
import io.mailsync.fetcher.support.EventTap;
import io.mailsync.testkit.GreenMailKit;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.MongoKit;
import io.mailsync.testkit.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
             ConfigurableApplicationContext a = start("fetcher-a", topics, database)) {
            ConfigurableApplicationContext b = start("fetcher-b", topics, database);
            await().atMost(Duration.ofSeconds(30)).until(() -> owns(a) && owns(b));
            // co-partitioned: an account's commands reach the fetcher that owns the account
            assertThat(partitions(a, topics.commands())).isEqualTo(partitions(a, topics.accounts()));
            assertThat(partitions(b, topics.commands())).isEqualTo(partitions(b, topics.accounts()));

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

    private static ConfigurableApplicationContext start(String instance, TopicNames topics, String database) {
        Map<String, Object> p = new HashMap<>();
        p.put("spring.main.web-application-type", "none");
        p.put("spring.kafka.bootstrap-servers", KafkaKit.bootstrapServers());
        p.put("spring.mongodb.uri", MongoKit.uri(database));
        p.put("mailsync.content.uri", MongoKit.uri(database + "-content"));
        p.put("mailsync.kafka.namespace", topics.namespace());
        p.put("mailsync.kafka.group-suffix", "-" + topics.namespace());
        p.put("mailsync.crypto.key-id", AccountFeed.KEY_ID);
        p.put("mailsync.crypto.key", AccountFeed.KEY);
        p.put("mailsync.fetcher.instance-id", instance);
        p.put("mailsync.fetcher.session.start-stagger", "0s");
        // GreenMail listens on loopback at a random port, which the mail-server guard refuses unless allowed (issue 16)
        p.put("mailsync.security.mail-servers.allow", TestInfrastructure.LOOPBACK);
        p.put("mailsync.security.mail-servers.ports", TestInfrastructure.ANY_PORT);
        String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return FetcherApplication.builder().run(args);
    }

    private static boolean owns(ConfigurableApplicationContext context) {
        MessageListenerContainer container = context.getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer("fetcher-ownership");
        return container != null && container.getAssignedPartitions() != null
                && container.getAssignedPartitions().size() == 12; // half of both topics' 12 partitions
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
