package io.mailsync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One reading of how full a mailbox is. Limits are what the server reports (RFC 9208 GETQUOTAROOT); a null
 * limit means the server reported none and the provisioned limit applies.
 */
@WireType(name = "MailboxUsageSampled", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MailboxUsageSampled(
        UUID eventId,
        Instant occurredAt,
        AccountId accountId,
        Origin origin,
        Source source,
        Long storageUsedBytes,
        Long storageLimitBytes,
        Long messageCount,
        Long messageLimit,
        Long ownerEpoch) implements MailEvent {

    public enum Source { IMAP_QUOTA, POP3_STAT, FOLDER_SIZES }

    public MailboxUsageSampled {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(source, "source");
    }

    /** Without an owner epoch: what producers before issue 15 wrote, and what tests and tools still build. */
    public MailboxUsageSampled(UUID eventId, Instant occurredAt, AccountId accountId, Origin origin, Source source,
            Long storageUsedBytes, Long storageLimitBytes, Long messageCount, Long messageLimit) {
        this(eventId, occurredAt, accountId, origin, source, storageUsedBytes, storageLimitBytes, messageCount,
                messageLimit, null);
    }

    @Override
    public MailboxUsageSampled withOwnerEpoch(long epoch) {
        return new MailboxUsageSampled(eventId, occurredAt, accountId, origin, source, storageUsedBytes,
                storageLimitBytes, messageCount, messageLimit, epoch);
    }
}
