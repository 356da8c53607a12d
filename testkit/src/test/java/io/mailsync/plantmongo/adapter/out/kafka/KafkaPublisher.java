package io.mailsync.plantmongo.adapter.out.kafka;

import org.bson.Document;

class KafkaPublisher {

    Document toDocument(String key) {
        return new Document("key", key);
    }
}
