package io.mailsync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A message is gone from the server: IMAP EXPUNGE/VANISHED, or a POP3 UIDL no longer listed. */
@WireType(name = "MessageExpunged", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageExpunged(
        UUID eventId,
        Instant occurredAt,
        AccountId accountId,
        Origin origin,
        MessageLocator locator,
        Long ownerEpoch) implements MailEvent {

    public MessageExpunged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(locator, "locator");
    }

    /** Without an owner epoch: what producers before issue 15 wrote, and what tests and tools still build. */
    public MessageExpunged(UUID eventId, Instant occurredAt, AccountId accountId, Origin origin,
            MessageLocator locator) {
        this(eventId, occurredAt, accountId, origin, locator, null);
    }

    @Override
    public MessageExpunged withOwnerEpoch(long epoch) {
        return new MessageExpunged(eventId, occurredAt, accountId, origin, locator, epoch);
    }
}
