package io.mailsync.quota.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.application.port.out.AlertRecordStore;
import io.mailsync.quota.domain.AlertState;
import io.mailsync.quota.domain.Forecast;
import io.mailsync.quota.domain.Notice;
import io.mailsync.quota.domain.Resource;
import io.mailsync.quota.domain.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link AlertRecordStore} does; implemented by the fake's test and by the MongoDB adapter's test. */
public interface AlertRecordStoreContract {

    AlertRecordStore store();

    Instant T = Instant.parse("2026-11-26T08:00:00Z");

    static AlertRecord aRecord(AccountId accountId) {
        Notice level = new Notice.LevelReached(UUID.randomUUID(), Resource.STORAGE, 90, new Usage(91, 100),
                new Forecast(T.plusSeconds(86_400), 1.0));
        Notice soon = new Notice.FullSoon(UUID.randomUUID(), Resource.MESSAGE, new Usage(75, 100),
                new Forecast(T.plusSeconds(3 * 86_400), 3.25));
        Notice back = new Notice.BackUnderQuota(UUID.randomUUID(), Resource.STORAGE, new Usage(99, 100));
        AlertState state = new AlertState(90, true, Map.of(80, T.minusSeconds(60), 90, T), 2, T, T, T);
        return new AlertRecord(accountId, 0, Map.of(Resource.STORAGE, state, Resource.MESSAGE, AlertState.initial()),
                List.of(PendingNotice.of(level, T), new PendingNotice(soon, T, true, false, 2, T.plusSeconds(30),
                        "event not published: broker down")),
                List.of(new SentNotice(back, T)), null, null);
    }

    @Test
    default void aRecordReadsBackAsItWasWritten() {
        AccountId id = AccountId.of("acc-" + UUID.randomUUID());
        AlertRecord written = aRecord(id);
        assertThat(store().compareAndSet(written)).isTrue();
        AlertRecord read = store().load(id).orElseThrow();
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.states()).isEqualTo(written.states());
        assertThat(read.outbox()).isEqualTo(written.outbox());
        assertThat(read.sent()).isEqualTo(written.sent());
    }

    @Test
    default void ofTwoWritersOfTheSameVersionOnlyOneWins() {
        AccountId id = AccountId.of("acc-" + UUID.randomUUID());
        assertThat(store().compareAndSet(aRecord(id))).isTrue();
        assertThat(store().compareAndSet(aRecord(id))).as("a second first write").isFalse();

        AlertRecord v1 = store().load(id).orElseThrow();
        AlertRecord mine = new AlertRecord(id, v1.version(), v1.states(), List.of(), v1.sent(), "me", T);
        AlertRecord theirs = new AlertRecord(id, v1.version(), v1.states(), v1.outbox(), v1.sent(), "them", T);
        assertThat(store().compareAndSet(mine)).isTrue();
        assertThat(store().compareAndSet(theirs)).isFalse();
        AlertRecord v2 = store().load(id).orElseThrow();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.claimedBy()).isEqualTo("me");
        assertThat(v2.outbox()).isEmpty();
    }

    @Test
    default void accountsWithADueNoticeAreFound() {
        AccountId id = AccountId.of("acc-" + UUID.randomUUID());
        store().compareAndSet(aRecord(id));
        assertThat(store().dueForDelivery(T.minusSeconds(1), 1000)).doesNotContain(id);
        assertThat(store().dueForDelivery(T, 1000)).contains(id);
        AlertRecord r = store().load(id).orElseThrow();
        store().compareAndSet(new AlertRecord(id, r.version(), r.states(), List.of(), r.sent(), null, null));
        assertThat(store().dueForDelivery(T.plusSeconds(3600), 1000)).doesNotContain(id);
    }

    @Test
    default void aRemovedAccountIsGone() {
        AccountId id = AccountId.of("acc-" + UUID.randomUUID());
        store().compareAndSet(aRecord(id));
        store().remove(id);
        assertThat(store().load(id)).isEmpty();
        assertThat(store().compareAndSet(aRecord(id))).as("starts afresh").isTrue();
    }
}
