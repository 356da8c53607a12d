package io.mailsync.webhook.application.port.out;

import io.mailsync.webhook.domain.Delivery;
import io.mailsync.webhook.domain.DeliveryLogEntry;
import io.mailsync.webhook.domain.SendOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What happened to each delivery, per subscription and event id. */
public interface DeliveryLog {

    /** One more attempt, and how it ended. */
    void attempted(Delivery delivery, Instant at, SendOutcome outcome);

    /** Every attempt failed. */
    void parked(Delivery delivery, Instant at);

    /** Queued again on the customer's request. */
    void requeued(Delivery delivery, Instant at);

    Optional<DeliveryLogEntry> find(String subscriptionId, String eventId);

    /** The subscription's latest deliveries, newest first. */
    List<DeliveryLogEntry> recent(String subscriptionId, int limit);
}
