package io.mailsync.fetcher.adapter.out.mongo;

import com.mongodb.client.MongoClients;
import io.mailsync.fetcher.application.CursorStoreContract;
import io.mailsync.fetcher.application.port.out.CursorStore;
import io.mailsync.testkit.MongoKit;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The MongoDB adapter against the wire server, held to the port's contract. */
class MongoCursorStoreTest implements CursorStoreContract {

    private static final MongoTemplate MONGO = new MongoTemplate(MongoClients.create(MongoKit.baseUri()),
            "fetcher-cursors-test");

    private final MongoCursorStore store = new MongoCursorStore(MONGO);

    @Override
    public CursorStore store() {
        return store;
    }
}
