package io.mailsync.plantkafka.adapter.out.mongo;

import org.apache.kafka.clients.producer.ProducerRecord;

class MongoStore {

    String key(ProducerRecord<String, String> record) {
        return record.key();
    }
}
