package io.mailsync.fetcher.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.domain.UidlRecord;
import io.mailsync.testkit.MongoKit;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class MongoMaildropStoreTest {

    private static final MongoTemplate MONGO = new MongoTemplate(MongoClients.create(MongoKit.baseUri()),
            "fetcher-maildrops-test");

    private final MongoMaildropStore store = new MongoMaildropStore(MONGO);
    private final AccountId account = AccountId.of("acc-" + UUID.randomUUID());
    private final Instant firstSeen = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(3, ChronoUnit.DAYS);

    @Test
    void aReAnnouncementKeepsTheFirstSeenTimeSoRetentionIsNotRestarted() {
        store.add(account, List.of(new UidlRecord("u1", firstSeen, false)));
        store.add(account, List.of(new UidlRecord("u1", Instant.now(), false)));

        assertThat(store.load(account).get("u1").firstSeen()).isEqualTo(firstSeen);
    }

    @Test
    void aConfirmationMarksTheMessageStoredDownstream() {
        store.add(account, List.of(new UidlRecord("u1", firstSeen, false), new UidlRecord("u2", firstSeen, false)));

        store.markStoredDownstream(account, "u1");

        assertThat(store.load(account).get("u1").storedDownstream()).isTrue();
        assertThat(store.load(account).get("u2").storedDownstream()).isFalse();
    }

    @Test
    void removedAndForgottenUidlsAreGone() {
        store.add(account, List.of(new UidlRecord("u1", firstSeen, false), new UidlRecord("u2", firstSeen, false)));

        store.remove(account, List.of("u1"));
        assertThat(store.load(account)).containsOnlyKeys("u2");

        store.forget(account);
        assertThat(store.load(account)).isEmpty();
    }
}
