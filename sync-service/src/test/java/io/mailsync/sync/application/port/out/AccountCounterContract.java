package io.mailsync.sync.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.domain.SyncState;
import io.mailsync.testkit.SettableClock;
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

    /** The clock the counter reads, to age a reservation past the write window. */
    SettableClock clock();

    /** One change written as MessageChanges writes it: reserved, then closed. */
    private SyncState advance(AccountId account) {
        AccountCounter.Reservation reservation = counter().reserve(account, 1);
        counter().written(account, reservation);
        return reservation.state();
    }

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
                    assertThat(seen.add(advance(account).modseq())).isTrue();
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
        advance(account);

        AccountCounter.Reservation reserved = counter().reserve(account, 5);
        SyncState after = advance(account);

        assertThat(reserved).isEqualTo(new AccountCounter.Reservation(1, 2, 6));
        assertThat(after.modseq()).isEqualTo(7);
    }

    /** Issue 15: a listing read while a batch writes its messages must not be labelled with the batch's state. */
    @Test
    default void anOpenReservationHoldsTheStateBelowItUntilItIsWritten() {
        AccountId account = newAccount();
        advance(account);
        AccountCounter.Reservation batch = counter().reserve(account, 3);
        AccountCounter.Reservation device = counter().reserve(account, 1);

        assertThat(counter().current(account).state()).isEqualTo(new SyncState(1, 1));
        assertThat(counter().current(account).issued()).isEqualTo(5);
        assertThat(counter().written(account, device)).as("the batch below it is still being written")
                .isEqualTo(new SyncState(1, 1));
        assertThat(counter().current(account).state()).isEqualTo(new SyncState(1, 1));
        assertThat(counter().written(account, batch)).isEqualTo(new SyncState(1, 5));
        assertThat(counter().current(account).state()).isEqualTo(new SyncState(1, 5));
    }

    @Test
    default void aReservationItsWriterNeverClosedStopsHoldingTheStateAfterTheWriteWindow() {
        AccountId account = newAccount();
        counter().reserve(account, 2); // its writer died before written(...)
        AccountCounter.Reservation later = counter().reserve(account, 1);
        counter().written(account, later);
        assertThat(counter().current(account).state()).isEqualTo(new SyncState(1, 0));

        clock().advance(AccountCounter.WRITE_WINDOW.plusSeconds(1));

        assertThat(counter().current(account).state()).isEqualTo(new SyncState(1, 3));
        assertThat(advance(account)).isEqualTo(new SyncState(1, 4));
        assertThat(counter().current(account).state()).isEqualTo(new SyncState(1, 4));
    }

    @Test
    default void aResetStartsANewEpochOnceAndKeepsTheModseq() {
        AccountId account = newAccount();
        advance(account);

        assertThat(counter().newEpoch(account, "INBOX\n8")).contains(new SyncState(2, 1));
        assertThat(counter().newEpoch(account, "INBOX\n8")).as("a replayed reset").isEmpty();
        assertThat(counter().newEpoch(account, "INBOX\n9")).contains(new SyncState(3, 1));
        assertThat(advance(account)).isEqualTo(new SyncState(3, 2));
    }

    @Test
    default void thePruneMarkOnlyMovesForward() {
        AccountId account = newAccount();
        advance(account);

        counter().prunedThrough(account, ModSeq.of(5));
        counter().prunedThrough(account, ModSeq.of(3));

        assertThat(counter().current(account).prunedThrough()).isEqualTo(5);
    }
}
