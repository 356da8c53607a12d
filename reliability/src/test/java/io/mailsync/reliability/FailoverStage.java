package io.mailsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.Dovecot;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.ShutdownOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Issue 15's failover stage, shared by the failover scenarios (R12, R13, R14): a broker
 * of its own with a short group session timeout (so a crash is noticed in seconds, not production's 45), the rest of
 * the system in this JVM on it, and three fetchers as separate JVMs — real processes to kill -9 and SIGSTOP — holding
 * the mailboxes of a Dovecot.
 */
final class FailoverStage implements AutoCloseable {

    /** The group's session timeout on this broker: the failover bound is this + 5 s (issue 15). */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static FailoverStage stage;

    final EmbeddedKafkaKraftBroker broker;
    final Stack stack;
    final EventLog events;
    final Dovecot dovecot = Dovecot.shared();
    final List<FetcherJvm> fetchers = new CopyOnWriteArrayList<>();
    final Map<String, MailUser> users = new ConcurrentHashMap<>(); // by account id
    final String customer = "failover-" + UUID.randomUUID();
    private int started;

    private FailoverStage() {
        broker = KafkaKit.embeddedBroker(Map.of(
                "group.consumer.session.timeout.ms", String.valueOf(SESSION_TIMEOUT.toMillis()),
                "group.consumer.min.session.timeout.ms", "3000",
                "group.consumer.heartbeat.interval.ms", String.valueOf(HEARTBEAT.toMillis()),
                "group.consumer.min.heartbeat.interval.ms", "500"));
        stack = Stack.onBroker(broker.getBrokersAsString());
        stack.kill("fetcher-service"); // the fetchers of this stage are processes of their own
        events = new EventLog(broker.getBrokersAsString(), stack.topics().events());
        for (int i = 0; i < 3; i++) {
            startFetcher();
        }
    }

    static synchronized FailoverStage shared() {
        if (stage == null) {
            stage = new FailoverStage();
            ShutdownOrder.application(FailoverStage::closeShared);
        }
        return stage;
    }

    /**
     * Ends the shared stage, as its last user (by {@code @Order}) does when done: the tests after it then run without
     * three fetcher processes polling 150 mailboxes beside them. Otherwise the JVM's end closes it; a user after the
     * last would get a stage of its own.
     */
    static synchronized void closeShared() {
        if (stage != null) {
            stage.close();
            stage = null;
        }
    }

    FetcherJvm startFetcher() {
        Map<String, Object> p = new HashMap<>(stack.fetcherProperties());
        // below the session timeout less a heartbeat interval: a fetcher cut off from Kafka lets go first
        p.put("mailsync.fetcher.ownership.self-fence-after", "7s");
        p.put("mailsync.fetcher.session.start-stagger", "2s");
        p.put("spring.main.banner-mode", "off");
        FetcherJvm fetcher = FetcherJvm.start("fetcher-" + (++started), p);
        fetchers.add(fetcher);
        return fetcher;
    }

    /** Registers mailboxes until there are {@code count}; waits until every one is IDLE. */
    void mailboxes(int count) {
        int missing = count - users.size();
        List<MailUser> created = new ArrayList<>();
        for (int i = 0; i < missing; i++) {
            created.add(dovecot.newUser("fo", null)); // one at a time: each addition rewrites the passwd-file
        }
        try (var parallel = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<?>> registered = created.stream().<java.util.concurrent.Future<?>>map(
                    user -> parallel.submit(() -> users.put(stack.registerImap(customer, dovecot.imapPort(),
                            user.login(), user.password()), user))).toList();
            for (java.util.concurrent.Future<?> r : registered) {
                r.get();
            }
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("registering the failover mailboxes failed", e);
        }
        awaitSteady(Duration.ofMinutes(3));
    }

    /** Every mailbox IDLE, held by a live fetcher. */
    void awaitSteady(Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(500)).until(() -> users.keySet().stream()
                .allMatch(id -> live(events.holder(id))));
    }

    boolean live(String instance) {
        return instance != null && fetchers.stream().anyMatch(f -> f.instance.equals(instance) && f.alive());
    }

    List<String> heldBy(FetcherJvm fetcher) {
        return users.keySet().stream().filter(id -> fetcher.instance.equals(events.holder(id))).toList();
    }

    FetcherJvm busiest() {
        return fetchers.stream().filter(FetcherJvm::alive)
                .max(java.util.Comparator.comparingInt(f -> heldBy(f).size())).orElseThrow();
    }

    /** Delivers a message to a random mailbox; answers its Message-ID. */
    String deliverOne() {
        List<String> ids = new ArrayList<>(users.keySet());
        MailUser user = users.get(ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
        String messageId = Mail.newMessageId("fo");
        dovecot.deliver(user, Mail.text(messageId, user, "traffic"));
        return messageId;
    }

    @Override
    public void close() {
        fetchers.forEach(FetcherJvm::close);
        events.close();
        stack.close();
        broker.destroy();
    }
}
