package io.mailsync.sync.adapter.out.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.application.port.out.AccountCounterContract;
import io.mailsync.sync.application.port.out.MessageStore;
import io.mailsync.sync.application.port.out.MessageStoreContract;
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

    @Nested
    class Messages implements MessageStoreContract {
        private final MongoMessageStore messages = new MongoMessageStore(MONGO, new io.mailsync.events.EventCodec());

        @Override
        public MessageStore messages() {
            return messages;
        }
    }
}
