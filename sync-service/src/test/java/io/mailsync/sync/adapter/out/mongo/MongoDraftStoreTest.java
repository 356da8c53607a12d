package io.mailsync.sync.adapter.out.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.mailsync.sync.application.port.out.DraftStore;
import io.mailsync.sync.application.port.out.DraftStoreContract;
import io.mailsync.testkit.MongoKit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The drafts adapter against the MongoDB wire server through the real driver. */
class MongoDraftStoreTest implements DraftStoreContract {

    private static final MongoClient CLIENT = MongoClients.create(MongoKit.baseUri());
    private static final MongoTemplate MONGO = new MongoTemplate(CLIENT, "sync-drafts-" + UUID.randomUUID());

    private final MongoDraftStore drafts = new MongoDraftStore(MONGO);

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    @Override
    public DraftStore drafts() {
        return drafts;
    }
}
