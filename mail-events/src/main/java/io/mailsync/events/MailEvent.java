package io.mailsync.events;

import java.time.Instant;
import java.util.UUID;

/** What happened in a mailbox, published on {@link Topics#EVENTS}. */
public sealed interface MailEvent extends WireRecord
        permits MessageArrived, MessageFlagsChanged, MessageExpunged, FolderReset, MailboxUsageSampled,
        AccountStatusChanged {

    UUID eventId();

    Instant occurredAt();

    Origin origin();

    /**
     * The owner epoch (fencing token, issue 15, ADR 0007) of the fetcher session that published the event: taken
     * when the session opened the account, monotonic across owners. A consumer ignores an event whose epoch is older
     * than the newest it has seen for the account (a stale owner's); null on events written before epochs existed
     * and on those not from a session, which always apply.
     */
    Long ownerEpoch();

    /** The same event stamped with {@code epoch}. */
    MailEvent withOwnerEpoch(long epoch);
}
