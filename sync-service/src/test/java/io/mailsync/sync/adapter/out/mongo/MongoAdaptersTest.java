package io.mailsync.sync.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.application.port.out.AccountCounterContract;
import io.mailsync.sync.application.port.out.MessagePortsContract;
import io.mailsync.testkit.MongoKit;
import io.mailsync.testkit.SettableClock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;

/** The MongoDB adapters against the MongoDB wire server through the real driver. */
class MongoAdaptersTest {

    private static final MongoClient CLIENT = MongoClients.create(MongoKit.baseUri());
    private static final MongoTemplate MONGO = new MongoTemplate(CLIENT, "sync-adapters-" + UUID.randomUUID());

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    @Nested
    class Counter implements AccountCounterContract {
        private final SettableClock clock = SettableClock.systemTime();
        private final MongoAccountCounter counter = new MongoAccountCounter(MONGO, clock);

        @Override
        public AccountCounter counter() {
            return counter;
        }

        @Override
        public SettableClock clock() {
            return clock;
        }
    }

    /** The account registry: owner epochs (issue 15) and credentials (issue 22). */
    @Nested
    class Accounts {
        private final MongoAccountStore accounts = new MongoAccountStore(MONGO);

        /** Issue 15: the newest owner epoch only grows, and is read back with the account. */
        @org.junit.jupiter.api.Test
        void theNewestOwnerEpochOnlyGrows() {
            String id = "a-" + UUID.randomUUID();
            AccountId account = AccountId.of(id);
            java.time.Instant now = java.time.Instant.now();
            accounts.insert(new io.mailsync.sync.domain.Account(new io.mailsync.events.AccountSpec(AccountId.of(id),
                    "c-1",
                    io.mailsync.events.AccountSpec.Protocol.IMAP, "mail.test", 993,
                    io.mailsync.events.AccountSpec.Security.SSL, false, "u-" + id, "v1:k:s", java.util.List.of("INBOX"),
                    java.time.Duration.ofMinutes(1), null, false, null, null, null, now), "PENDING", null, null, now));

            org.assertj.core.api.Assertions.assertThat(accounts.find(account).orElseThrow().ownerEpoch()).isNull();
            org.assertj.core.api.Assertions.assertThat(accounts.raiseOwnerEpoch(account, 3)).isEqualTo(3);
            org.assertj.core.api.Assertions.assertThat(accounts.raiseOwnerEpoch(account, 2)).isEqualTo(3);
            org.assertj.core.api.Assertions.assertThat(accounts.find(account).orElseThrow().ownerEpoch()).isEqualTo(3L);
            org.assertj.core.api.Assertions.assertThat(accounts.raiseOwnerEpoch(AccountId.of("a-gone"), 1)).isZero();
        }

        /** Issue 22: a rotation replaces a password only if it is still the one it read; a PATCH replaces it always. */
        @org.junit.jupiter.api.Test
        void aPasswordIsReplacedOnlyWhereTheExpectedOneIsStillThere() {
            String id = "a-" + UUID.randomUUID();
            AccountId account = AccountId.of(id);
            java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            accounts.insert(new io.mailsync.sync.domain.Account(io.mailsync.testkit.builders.AccountSpecBuilder
                    .anAccountSpec().forAccount(id).withUsername("u-" + id).withEncryptedSecret("v1:a:old")
                    .updatedAt(now).build(), "AUTH_FAILED", null, null, now));

            org.assertj.core.api.Assertions.assertThat(accounts.replaceSecret(account, null, "v1:b:patched",
                    now.plusSeconds(1))).isTrue();
            org.assertj.core.api.Assertions.assertThat(accounts.replaceSecret(account, "v1:a:old", "v1:b:rotated", now))
                    .isFalse();
            io.mailsync.events.AccountSpec stored = accounts.find(account).orElseThrow().spec();
            org.assertj.core.api.Assertions.assertThat(stored.encryptedSecret()).isEqualTo("v1:b:patched");
            org.assertj.core.api.Assertions.assertThat(stored.updatedAt()).isEqualTo(now.plusSeconds(1));
            org.assertj.core.api.Assertions.assertThat(accounts.find(account).orElseThrow().status())
                    .as("the fetcher reports the new status itself").isEqualTo("AUTH_FAILED");
            org.assertj.core.api.Assertions.assertThat(accounts.replaceSecret(AccountId.of("a-gone"), null, "v1:b:x", now))
                    .isFalse();
        }
    }

    @Nested
    class Messages implements MessagePortsContract {
        private final MongoMessageLookup store = new MongoMessageLookup(MONGO);

        @Override
        public MessagePorts messages() {
            return new MessagePorts(store, store, new MongoKeywordUpdates(MONGO, new io.mailsync.events.EventCodec()),
                    new MongoServerChanges(MONGO), new MongoFolderResets(MONGO), new MongoMessageBatches(MONGO), store);
        }
    }

    /**
     * Issue 18: a deployment from before listings went by received time has the old listing index; starting drops
     * it (every message write paid for it) and keeps the new one, and starting again finds nothing to drop.
     */
    @Nested
    class Upgrade {
        private final MongoTemplate older = new MongoTemplate(CLIENT, "sync-upgrade-" + UUID.randomUUID());

        @org.junit.jupiter.api.Test
        void theSupersededListingIndexIsDroppedAtStart() {
            older.indexOps(MongoMessageLookup.COLLECTION).createIndex(new Index().on("accountId", Sort.Direction.ASC)
                    .on("createdModseq", Sort.Direction.DESC));
            assertThat(indexNames()).contains(MongoMessageLookup.SUPERSEDED_LISTING_INDEX);

            new MongoMessageLookup(older);
            new MongoMessageLookup(older);

            assertThat(indexNames()).doesNotContain(MongoMessageLookup.SUPERSEDED_LISTING_INDEX)
                    .contains("accountId_1_receivedAt_-1_createdModseq_-1");
        }

        private List<String> indexNames() {
            return older.indexOps(MongoMessageLookup.COLLECTION).getIndexInfo().stream().map(IndexInfo::getName)
                    .toList();
        }
    }
}
