package io.mailsync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** At the current rate the mailbox will be full in about {@code daysToFull} days. */
@WireType(name = "QuotaForecastWarning", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuotaForecastWarning(
        UUID eventId,
        Instant occurredAt,
        AccountId accountId,
        Resource resource,
        double percent,
        Instant expectedFullAt,
        double daysToFull) implements QuotaAlert {

    public QuotaForecastWarning {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(expectedFullAt, "expectedFullAt");
    }
}
