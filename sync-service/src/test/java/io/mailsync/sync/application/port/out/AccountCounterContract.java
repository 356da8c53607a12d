package io.mailsync.sync.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.domain.SyncState;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every {@link AccountCounter} promises; implemented by each adapter's test. */
public interface AccountCounterContract {

    AccountCounter counter();

    private static AccountId newAccount() {
        return AccountId.of("a-" + UUID.randomUUID());
    }

    @Test
    default void anAccountThatNeverChangedIsAtEpochOneModseqZero() {
        assertThat(counter().current(newAccount()).state()).isEqualTo(new SyncState(1, 0));
    }

    @Test
    default void concurrentAdvancesNeverHandOutTheSameModseqTwice() throws Exception {
        AccountId account = newAccount();
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> futures = IntStream.range(0, 8).mapToObj(t -> pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    assertThat(seen.add(counter().next(account).modseq())).isTrue();
                }
            })).<Future<?>>map(f -> f).toList();
            for (Future<?> future : futures) {
                future.get();
            }
        }
        assertThat(seen).hasSize(400);
        assertThat(counter().current(account).state()).isEqualTo(new SyncState(1, 400));
    }

    @Test
    default void aReservationTakesABlockOfModseqsThatNoOtherAdvanceGets() {
        AccountId account = newAccount();
        counter().next(account);

        SyncState reserved = counter().reserve(account, 5);
        SyncState after = counter().next(account);

        assertThat(reserved).isEqualTo(new SyncState(1, 6));
        assertThat(after.modseq()).isEqualTo(7);
    }

    @Test
    default void aResetStartsANewEpochOnceAndKeepsTheModseq() {
        AccountId account = newAccount();
        counter().next(account);

        assertThat(counter().newEpoch(account, "INBOX\n8")).contains(new SyncState(2, 1));
        assertThat(counter().newEpoch(account, "INBOX\n8")).as("a replayed reset").isEmpty();
        assertThat(counter().newEpoch(account, "INBOX\n9")).contains(new SyncState(3, 1));
        assertThat(counter().next(account)).isEqualTo(new SyncState(3, 2));
    }

    @Test
    default void thePruneMarkOnlyMovesForward() {
        AccountId account = newAccount();
        counter().next(account);

        counter().prunedThrough(account, ModSeq.of(5));
        counter().prunedThrough(account, ModSeq.of(3));

        assertThat(counter().current(account).prunedThrough()).isEqualTo(5);
    }
}
