package io.mailsync.webhook.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mailsync.webhook.domain.DeliveryLogEntry;
import java.time.Instant;

/** One line of a subscription's delivery log. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeliveryResponse(String eventId, String type, String accountId, Instant occurredAt, String status,
                        int attempts, Instant lastAttemptAt, Integer lastStatusCode, String lastError) {

    static DeliveryResponse of(DeliveryLogEntry e) {
        return new DeliveryResponse(e.delivery().eventId(), e.delivery().type(), e.delivery().accountId().value(),
                e.delivery().occurredAt(), e.status().name(), e.attempts(), e.lastAttemptAt(),
                e.lastStatusCode() == 0 ? null : e.lastStatusCode(), e.lastError());
    }
}
