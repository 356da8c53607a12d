package io.mailsync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The folder's UIDVALIDITY changed: every UID in it is void. Followed by a silent rebuild — the messages
 * that are still there are re-announced with {@code rebuild = true} on their {@link MessageArrived}, never as
 * new mail.
 */
@WireType(name = "FolderReset", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FolderReset(
        UUID eventId,
        Instant occurredAt,
        AccountId accountId,
        Origin origin,
        String folder,
        Long oldUidValidity,
        long newUidValidity,
        Long ownerEpoch) implements MailEvent {

    public FolderReset {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(folder, "folder");
    }

    /** Without an owner epoch: what producers before issue 15 wrote, and what tests and tools still build. */
    public FolderReset(UUID eventId, Instant occurredAt, AccountId accountId, Origin origin, String folder,
            Long oldUidValidity, long newUidValidity) {
        this(eventId, occurredAt, accountId, origin, folder, oldUidValidity, newUidValidity, null);
    }

    @Override
    public FolderReset withOwnerEpoch(long epoch) {
        return new FolderReset(eventId, occurredAt, accountId, origin, folder, oldUidValidity, newUidValidity, epoch);
    }
}
