package io.mailsync.webhook.adapter.out.mongo;

import io.mailsync.webhook.application.DeliveryLogContract;
import io.mailsync.webhook.application.port.out.DeliveryLog;

class MongoDeliveryLogTest implements DeliveryLogContract {

    private final MongoDeliveryLog log = new MongoDeliveryLog(TestMongo.template(), java.time.Duration.ofDays(30));

    @Override
    public DeliveryLog log() {
        return log;
    }
}
