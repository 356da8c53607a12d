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
}
