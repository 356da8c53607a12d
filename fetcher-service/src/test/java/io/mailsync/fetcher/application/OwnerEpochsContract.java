package io.mailsync.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.OwnerEpochs;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every OwnerEpochs does: epochs only grow, and only the newest one holds (issue 15). */
public interface OwnerEpochsContract {

    OwnerEpochs epochs();

    @Test
    default void eachTakeIsNewerAndMakesTheOlderOnesStale() {
        AccountId account = AccountId.of("acc-" + UUID.randomUUID());
        long first = epochs().take(account, "fetcher-a");
        long second = epochs().take(account, "fetcher-b");

        assertThat(second).isGreaterThan(first);
        assertThat(epochs().holds(account, second)).isTrue();
        assertThat(epochs().holds(account, first)).isFalse();
        assertThat(epochs().holds(AccountId.of("acc-" + UUID.randomUUID()), first)).as("another account").isFalse();
    }

    @Test
    default void fetchersTakingAtOnceNeverGetTheSameEpoch() throws InterruptedException {
        AccountId account = AccountId.of("acc-" + UUID.randomUUID());
        Set<Long> taken = ConcurrentHashMap.newKeySet();
        List<Thread> threads = IntStream.range(0, 8).mapToObj(i -> Thread.ofVirtual()
                .start(() -> taken.add(epochs().take(account, "fetcher-" + i)))).toList();
        for (Thread t : threads) {
            t.join();
        }

        assertThat(taken).hasSize(8);
        assertThat(epochs().holds(account, taken.stream().max(Long::compare).orElseThrow())).isTrue();
    }

    @Test
    default void takingManyAtOnceGivesEachItsNextEpoch() {
        AccountId seen = AccountId.of("acc-" + UUID.randomUUID());
        AccountId fresh = AccountId.of("acc-" + UUID.randomUUID());
        long before = epochs().take(seen, "fetcher-a");

        java.util.Map<AccountId, Long> taken = epochs().takeAll(List.of(seen, fresh), "fetcher-b");

        assertThat(taken).containsOnlyKeys(seen, fresh);
        assertThat(taken.get(seen)).isGreaterThan(before);
        assertThat(epochs().holds(seen, taken.get(seen))).isTrue();
        assertThat(epochs().holds(seen, before)).isFalse();
        assertThat(epochs().holds(fresh, taken.get(fresh))).isTrue();
    }

    @Test
    default void manyTakenAtOnceWhileAnotherFetcherTakesOneNeverShareAnEpoch() throws InterruptedException {
        List<AccountId> accounts = IntStream.range(0, 20).mapToObj(i -> AccountId.of("acc-" + UUID.randomUUID()))
                .toList();
        java.util.Map<AccountId, Long> other = new java.util.concurrent.ConcurrentHashMap<>();
        Thread rival = Thread.ofVirtual().start(() -> accounts.forEach(a -> other.put(a, epochs().take(a, "rival"))));
        java.util.Map<AccountId, Long> mine = epochs().takeAll(accounts, "fetcher-a");
        rival.join();

        for (AccountId a : accounts) {
            assertThat(mine.get(a)).as("%s", a).isNotEqualTo(other.get(a));
            // exactly one of the two holds: the later take
            assertThat(epochs().holds(a, Math.max(mine.get(a), other.get(a)))).isTrue();
        }
    }
}
