package io.mailsync.webhook.application.port.out;

import io.mailsync.webhook.domain.Delivery;

/** Deliveries waiting to be sent, in order per subscription; returns once the queue has taken it. */
public interface DeliveryQueue {

    void enqueue(Delivery delivery);
}
