package io.mailsync.webhook.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.webhook.application.SubscriptionStoreContract;
import io.mailsync.webhook.application.port.out.SubscriptionStore;
import io.mailsync.webhook.domain.Subscription;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class MongoSubscriptionStoreTest implements SubscriptionStoreContract {

    private final MongoSubscriptionStore store = new MongoSubscriptionStore(TestMongo.template());

    @Override
    public SubscriptionStore store() {
        return store;
    }

    @Test
    void anEventTypeThisBuildNoLongerKnowsIsDroppedNotAFailure() {
        Subscription s = SubscriptionStoreContract.aSubscription("cust-x", Instant.now());
        store.save(s);
        TestMongo.template().getCollection("subscriptions").updateOne(new Document("_id", s.id().value()),
                new Document("$push", new Document("events", "message.teleported")));
        assertThat(store.find(s.id()).orElseThrow().events()).isEqualTo(s.events());
    }
}
