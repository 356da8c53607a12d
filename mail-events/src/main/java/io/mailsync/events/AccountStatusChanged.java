package io.mailsync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The fetcher's session for an account changed state. {@code reason} is for people and never holds a secret. */
@WireType(name = "AccountStatusChanged", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountStatusChanged(
        UUID eventId,
        Instant occurredAt,
        AccountId accountId,
        Origin origin,
        Status status,
        String reason,
        Long ownerEpoch) implements MailEvent {

    public enum Status { CONNECTING, CONNECTED, IDLE, POLLING, AUTH_FAILED, UNREACHABLE, ERROR, STOPPED }

    public AccountStatusChanged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(status, "status");
    }

    /** Without an owner epoch: what producers before issue 15 wrote, and what tests and tools still build. */
    public AccountStatusChanged(UUID eventId, Instant occurredAt, AccountId accountId, Origin origin, Status status,
            String reason) {
        this(eventId, occurredAt, accountId, origin, status, reason, null);
    }

    @Override
    public AccountStatusChanged withOwnerEpoch(long epoch) {
        return new AccountStatusChanged(eventId, occurredAt, accountId, origin, status, reason, epoch);
    }
}
