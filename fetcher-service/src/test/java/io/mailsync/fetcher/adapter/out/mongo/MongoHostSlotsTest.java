package io.mailsync.fetcher.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClients;
import io.mailsync.fetcher.application.port.out.HostSlots;
import io.mailsync.fetcher.application.port.out.HostSlots.Held;
import io.mailsync.testkit.MongoKit;
import io.mailsync.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Issue 22: two fetchers share a host's connection slots through the wire server; no slot has two holders. */
class MongoHostSlotsTest {

    private static final MongoTemplate MONGO = new MongoTemplate(MongoClients.create(MongoKit.baseUri()),
            "fetcher-host-slots-test");
    private static final Duration LEASE = Duration.ofSeconds(3);
    private final String host = "host-" + UUID.randomUUID();
    private final SettableClock clockA = SettableClock.fixedAt(Instant.parse("2026-12-03T08:00:00Z"));
    private final SettableClock clockB = SettableClock.fixedAt(Instant.parse("2026-12-03T08:00:00Z"));
    private final MongoHostSlots a = new MongoHostSlots(MONGO, clockA, new HostSlots.Terms("fetcher-a", LEASE,
            Duration.ofMillis(500)));
    private final MongoHostSlots b = new MongoHostSlots(MONGO, clockB, new HostSlots.Terms("fetcher-b", LEASE,
            Duration.ofMillis(500)));

    @AfterEach
    void stop() {
        a.stop();
        b.stop();
    }

    @Test
    void aBudgetOfTwoGivesTwoConnectionsAcrossBothFetchersAndNoThird() {
        Optional<Held> first = a.take(host, 2, () -> { });
        Optional<Held> second = b.take(host, 2, () -> { });

        assertThat(first).map(Held::index).contains(0);
        assertThat(second).map(Held::index).contains(1);
        assertThat(a.take(host, 2, () -> { })).isEmpty();
        assertThat(b.take(host, 2, () -> { })).isEmpty();

        second.orElseThrow().close();
        assertThat(a.take(host, 2, () -> { })).as("given back: free for the other fetcher").isPresent();
    }

    @Test
    void aSlotGivenBackIsLeftToTheOtherFetchersForTheHandover() {
        a.take(host, 1, () -> { }).orElseThrow().close();

        assertThat(a.take(host, 1, () -> { })).as("within the handover, not for the fetcher that gave it").isEmpty();
        assertThat(b.take(host, 1, () -> { })).isPresent();
    }

    @Test
    void aSlotWhoseLeaseRanOutGoesToAnotherFetcherAndItsHolderCutsItsConnection() {
        AtomicBoolean cut = new AtomicBoolean();
        a.take(host, 1, () -> cut.set(true)).orElseThrow();
        assertThat(b.take(host, 1, () -> { })).isEmpty();

        clockB.advance(LEASE.plusSeconds(1)); // A, paused say, has not renewed within B's sight of the lease
        assertThat(b.take(host, 1, () -> { })).isPresent();

        await().atMost(Duration.ofSeconds(10)).untilTrue(cut); // A's next renewal finds the slot taken
    }
}
