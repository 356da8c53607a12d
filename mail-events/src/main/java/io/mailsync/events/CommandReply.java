package io.mailsync.events;

import java.util.UUID;

/** An answer on {@link Topics#REPLIES} to the command with the same {@code commandId} (issue 20). */
public sealed interface CommandReply extends WireRecord permits MessageBodyFetched, MailboxSearched {

    UUID commandId();

    /** The answering session's owner epoch (ADR 0007); null where unknown. */
    Long ownerEpoch();
}
