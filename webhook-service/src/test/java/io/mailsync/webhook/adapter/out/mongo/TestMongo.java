package io.mailsync.webhook.adapter.out.mongo;

import com.mongodb.client.MongoClients;
import io.mailsync.testkit.MongoKit;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A database of its own on the MongoDB wire server, through the real driver. */
final class TestMongo {

    private static MongoTemplate template;

    private TestMongo() {
    }

    static synchronized MongoTemplate template() {
        if (template == null) {
            template = new MongoTemplate(MongoClients.create(MongoKit.baseUri()), "webhook-stores-" + UUID.randomUUID());
        }
        return template;
    }
}
