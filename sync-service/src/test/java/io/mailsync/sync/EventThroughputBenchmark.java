package io.mailsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageFlagsChanged;
import io.mailsync.events.Origin;
import io.mailsync.sync.support.Broker;
import io.mailsync.sync.support.MailEvents;
import io.mailsync.sync.support.SyncIntegrationTest;
import io.mailsync.testkit.ApiClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not part of the build (neither *Test nor *IT): how fast one sync instance applies a burst of events, and the
 * delay from occurredAt to applied. Run: {@code ./mvnw -o -pl sync-service verify -Dit.test=EventThroughputBenchmark
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class EventThroughputBenchmark extends SyncIntegrationTest {

    private static final int MESSAGES = 2000;
    private static final int ACCOUNTS = 4;

    @Autowired
    MeterRegistry meters;

    @Test
    void applyABurstOfArrivalsThenFlagChanges() {
        List<String> customers = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        List<MessageArrived> arrivals = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            customers.add(newCustomer());
            accounts.add(register(imapAccount(customers.get(a))));
        }
        for (int uid = 1; uid <= MESSAGES; uid++) {
            String accountId = accounts.get(uid % ACCOUNTS);
            arrivals.add(MailEvents.imapArrived(accountId, uid, "bulk " + uid));
        }
        List<MessageFlagsChanged> flags = arrivals.stream().map(a -> MailEvents.flagsChanged(a.accountId().value(),
                a.locator(), Origin.server(), Set.of("$seen"), Set.of())).toList();
        long perAccount = MESSAGES / ACCOUNTS;

        long arrivalsNanos = timed(() -> Broker.publishAll(topics.events(), arrivals), customers, accounts, perAccount);
        long flagsNanos = timed(() -> Broker.publishAll(topics.events(), flags), customers, accounts, 2 * perAccount);

        Timer delay = meters.find("mailsync.sync.event.delay").timer();
        System.out.printf("BENCHMARK %d accounts, arrivals: %d in %d ms = %.0f events/s%n", ACCOUNTS, MESSAGES,
                TimeUnit.NANOSECONDS.toMillis(arrivalsNanos), MESSAGES / (arrivalsNanos / 1e9));
        System.out.printf("BENCHMARK flag changes: %d in %d ms = %.0f events/s%n", MESSAGES,
                TimeUnit.NANOSECONDS.toMillis(flagsNanos), MESSAGES / (flagsNanos / 1e9));
        System.out.printf("BENCHMARK occurredAt->applied: mean %.1f ms, max %.1f ms over %d events%n",
                delay.mean(TimeUnit.MILLISECONDS), delay.max(TimeUnit.MILLISECONDS), delay.count());
        System.out.printf("BENCHMARK load average at the end: %s%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private long timed(Runnable publish, List<String> customers, List<String> accounts, long expectedModseq) {
        long start = System.nanoTime();
        publish.run();
        for (int a = 0; a < accounts.size(); a++) {
            ApiClient api = customer(customers.get(a));
            String accountId = accounts.get(a);
            Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(messagesOf(api, accountId).get("state").asString()).isEqualTo("1-" + expectedModseq));
        }
        return System.nanoTime() - start;
    }
}
