package io.mailsync.fetcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.AccountSpec.Pop3Retention;
import io.mailsync.events.AccountSpec.Pop3Retention.Policy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetentionTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void nothingLeavesTheServerBeforeTheSyncServiceStoredIt() {
        UidlRecord unconfirmed = new UidlRecord("u1", NOW.minus(Duration.ofDays(400)), false);

        assertThat(Retention.dueForDeletion(new Pop3Retention(Policy.DELETE_AFTER_FETCH, null), unconfirmed, NOW))
                .isFalse();
        assertThat(Retention.dueForDeletion(new Pop3Retention(Policy.DELETE_AFTER_DAYS, 1), unconfirmed, NOW))
                .isFalse();
    }

    @Test
    void keepNeverDeletes() {
        assertThat(Retention.dueForDeletion(Pop3Retention.keep(), new UidlRecord("u1", NOW.minus(Duration.ofDays(999)),
                true), NOW)).isFalse();
    }

    @Test
    void deleteAfterFetchDeletesOnceStored() {
        assertThat(Retention.dueForDeletion(new Pop3Retention(Policy.DELETE_AFTER_FETCH, null),
                new UidlRecord("u1", NOW, true), NOW)).isTrue();
    }

    @Test
    void deleteAfterDaysCountsFromFirstSeen() {
        Pop3Retention fourteenDays = new Pop3Retention(Policy.DELETE_AFTER_DAYS, 14);

        assertThat(Retention.dueForDeletion(fourteenDays, new UidlRecord("u1", NOW.minus(Duration.ofDays(13)), true),
                NOW)).isFalse();
        assertThat(Retention.dueForDeletion(fourteenDays, new UidlRecord("u1", NOW.minus(Duration.ofDays(14)), true),
                NOW)).isTrue();
    }
}
