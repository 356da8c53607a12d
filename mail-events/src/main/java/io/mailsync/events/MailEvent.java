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
}
