package io.mailsync.webhook.application;

import io.mailsync.webhook.application.port.out.DeliveryLog;

class InMemoryDeliveryLogTest implements DeliveryLogContract {

    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();

    @Override
    public DeliveryLog log() {
        return log;
    }
}
