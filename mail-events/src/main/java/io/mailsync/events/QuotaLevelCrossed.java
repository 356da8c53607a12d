package io.mailsync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Usage rose above a warning level ({@code direction = UP}), or fell back under 100 % after the mailbox was
 * full ({@code direction = DOWN}).
 */
@WireType(name = "QuotaLevelCrossed", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuotaLevelCrossed(
        UUID eventId,
        Instant occurredAt,
        AccountId accountId,
        Resource resource,
        int level,
        Direction direction,
        long used,
        long limit,
        double percent) implements QuotaAlert {

    public enum Direction { UP, DOWN }

    public QuotaLevelCrossed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(direction, "direction");
    }
}
