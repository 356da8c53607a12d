package io.mailsync.webhook.application.port.out;

import io.mailsync.webhook.domain.Delivery;

/** Deliveries waiting to be sent, in order per subscription. */
public interface DeliveryQueue {

    /**
     * Hands the delivery to the queue without waiting for it to be taken, so a run of them travels together (an
     * import is thousands of deliveries); {@link Queued#await()} says when it was.
     */
    Queued enqueue(Delivery delivery);

    /** A delivery on its way into the queue. */
    interface Queued {

        /** Returns once the queue has taken the delivery; throws when it did not. */
        void await();
    }
}
