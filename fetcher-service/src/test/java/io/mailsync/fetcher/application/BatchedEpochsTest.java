package io.mailsync.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.OwnerEpochs;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A takeover's sessions take their epochs together (issue 15, R14): still each account's own next epoch (the
 * contract), in far fewer store round trips than sessions when they ask at once.
 */
class BatchedEpochsTest implements OwnerEpochsContract {

    private final AtomicInteger roundTrips = new AtomicInteger();
    private final InMemoryOwnerEpochs memory = new InMemoryOwnerEpochs();
    /** A store a round trip away: each call takes a few milliseconds, as a findAndModify does. */
    private final OwnerEpochs store = new OwnerEpochs() {
        @Override
        public long take(AccountId accountId, String owner) {
            return takeAll(List.of(accountId), owner).get(accountId);
        }

        @Override
        public Map<AccountId, Long> takeAll(Collection<AccountId> accountIds, String owner) {
            roundTrips.incrementAndGet();
            try {
                Thread.sleep(5); // the store's latency, not a wait for the code under test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return memory.takeAll(accountIds, owner);
        }

        @Override
        public boolean holds(AccountId accountId, long epoch) {
            return memory.holds(accountId, epoch);
        }
    };
    private final BatchedEpochs epochs = new BatchedEpochs(store);

    @Override
    public OwnerEpochs epochs() {
        return epochs;
    }

    @Test
    void fiftySessionsOpeningAtOnceTakeTheirEpochsInFewRoundTrips() throws InterruptedException {
        List<AccountId> accounts = IntStream.range(0, 50).mapToObj(i -> AccountId.of("acc-" + UUID.randomUUID()))
                .toList();
        Map<AccountId, Long> taken = new ConcurrentHashMap<>();
        List<Thread> sessions = accounts.stream().map(a -> Thread.ofVirtual()
                .start(() -> taken.put(a, epochs.take(a, "fetcher-1")))).toList();
        for (Thread t : sessions) {
            t.join();
        }

        assertThat(taken).hasSize(50);
        accounts.forEach(a -> assertThat(epochs.holds(a, taken.get(a))).isTrue());
        assertThat(roundTrips.get()).as("store round trips for 50 takes").isLessThan(25);
    }
}
