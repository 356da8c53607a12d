package io.mailsync.sync.adapter.out.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.application.port.out.AccountCounterContract;
import io.mailsync.sync.application.port.out.MessagePortsContract;
import io.mailsync.testkit.MongoKit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.springframework.data.mongodb.core.MongoTemplate;

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
        private final MongoAccountCounter counter = new MongoAccountCounter(MONGO);

        @Override
        public AccountCounter counter() {
            return counter;
        }
    }

    /** Issue 15: the newest owner epoch only grows, and is read back with the account. */
    @Nested
    class OwnerEpochs {
        private final MongoAccountStore accounts = new MongoAccountStore(MONGO);

        @org.junit.jupiter.api.Test
        void theNewestOwnerEpochOnlyGrows() {
            String id = "a-" + UUID.randomUUID();
            AccountId account = AccountId.of(id);
            java.time.Instant now = java.time.Instant.now();
            accounts.insert(new io.mailsync.sync.domain.Account(new io.mailsync.events.AccountSpec(id, "c-1",
                    io.mailsync.events.AccountSpec.Protocol.IMAP, "mail.test", 993,
                    io.mailsync.events.AccountSpec.Security.SSL, false, "u-" + id, "v1:k:s", java.util.List.of("INBOX"),
                    java.time.Duration.ofMinutes(1), null, false, null, null, null, now), "PENDING", null, null, now));

            org.assertj.core.api.Assertions.assertThat(accounts.find(account).orElseThrow().ownerEpoch()).isNull();
            org.assertj.core.api.Assertions.assertThat(accounts.raiseOwnerEpoch(account, 3)).isEqualTo(3);
            org.assertj.core.api.Assertions.assertThat(accounts.raiseOwnerEpoch(account, 2)).isEqualTo(3);
            org.assertj.core.api.Assertions.assertThat(accounts.find(account).orElseThrow().ownerEpoch()).isEqualTo(3L);
            org.assertj.core.api.Assertions.assertThat(accounts.raiseOwnerEpoch(AccountId.of("a-gone"), 1)).isZero();
        }
    }

    @Nested
    class Messages implements MessagePortsContract {
        private final MongoMessageStore store = new MongoMessageStore(MONGO);

        @Override
        public MessagePorts messages() {
            return new MessagePorts(store, store, new MongoKeywordUpdates(MONGO, new io.mailsync.events.EventCodec()),
                    new MongoServerChanges(MONGO), new MongoFolderResets(MONGO), new MongoMessageBatches(MONGO), store);
        }
    }
}
