package io.mailsync.quota.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.application.port.out.UsageStore;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link UsageStore} does; implemented by the fake's test and by the MongoDB adapter's test. */
public interface UsageStoreContract {

    UsageStore store();

    Instant T = Instant.parse("2026-11-26T08:00:00Z");

    static UsageSample at(AccountId accountId, Instant at, long used) {
        return new UsageSample(accountId, at, used, 1_000L, 5L, null);
    }

    @Test
    default void theLatestIsTheNewestSampleWhateverTheOrderOfArrival() {
        AccountId id = AccountId.of("acc-" + UUID.randomUUID());
        store().record(at(id, T, 10));
        store().record(at(id, T.minusSeconds(60), 5)); // late, out of order
        store().record(at(id, T, 10)); // replay
        assertThat(store().latest(id)).contains(at(id, T, 10));
        store().record(at(id, T.plusSeconds(60), 20));
        assertThat(store().latest(id).orElseThrow().storageUsed()).isEqualTo(20);
        assertThat(store().latest(AccountId.of("acc-nobody"))).isEmpty();
    }

    @Test
    default void historyKeepsTheNewestSampleOfEachHourOldestFirst() {
        AccountId id = AccountId.of("acc-" + UUID.randomUUID());
        for (int day = 3; day >= 0; day--) {
            store().record(at(id, T.plus(Duration.ofDays(day)), 100 + day));
            store().record(at(id, T.plus(Duration.ofDays(day)).plusSeconds(60), 200 + day));
        }
        assertThat(store().since(id, T.plus(Duration.ofDays(1)))).extracting(UsageSample::storageUsed)
                .containsExactly(201L, 202L, 203L);
    }

    @Test
    default void pruningForgetsOldHistoryButNotTheLatest() {
        AccountId id = AccountId.of("acc-" + UUID.randomUUID());
        store().record(at(id, T.minus(Duration.ofDays(40)), 1));
        store().record(at(id, T, 2));
        store().pruneBefore(T.minus(Duration.ofDays(30)));
        assertThat(store().since(id, T.minus(Duration.ofDays(100)))).extracting(UsageSample::storageUsed)
                .containsExactly(2L);
        store().removeAll(id);
        assertThat(store().latest(id)).isEmpty();
        assertThat(store().since(id, T.minus(Duration.ofDays(100)))).isEmpty();
    }
}
