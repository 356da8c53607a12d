package io.mailsync.webhook.application;

import io.mailsync.webhook.application.port.out.DeliveryLog;
import io.mailsync.webhook.domain.Delivery;
import java.time.Clock;

/** Every attempt failed: the log says parked, and the customer can redeliver it. */
public final class ParkDelivery {

    private final DeliveryLog log;
    private final Clock clock;

    public ParkDelivery(DeliveryLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public void park(Delivery delivery) {
        log.parked(delivery, clock.instant());
    }
}
