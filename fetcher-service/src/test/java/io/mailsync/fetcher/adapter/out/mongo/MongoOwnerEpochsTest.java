package io.mailsync.fetcher.adapter.out.mongo;

import com.mongodb.client.MongoClients;
import io.mailsync.fetcher.application.OwnerEpochsContract;
import io.mailsync.fetcher.application.port.out.OwnerEpochs;
import io.mailsync.testkit.MongoKit;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The MongoDB adapter against the wire server, held to the port's contract. */
class MongoOwnerEpochsTest implements OwnerEpochsContract {

    private static final MongoTemplate MONGO = new MongoTemplate(MongoClients.create(MongoKit.baseUri()),
            "fetcher-epochs-test");

    private final MongoOwnerEpochs epochs = new MongoOwnerEpochs(MONGO);

    @Override
    public OwnerEpochs epochs() {
        return epochs;
    }
}
