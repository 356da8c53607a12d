package io.mailsync.events;

import java.time.Instant;
import java.util.UUID;

/** Work for the fetcher that owns the account, published on {@link Topics#COMMANDS}. */
public sealed interface MailCommand extends WireRecord permits SetFlags, DeleteFromServer, AppendMessage,
        MoveMessage, FetchMessageBody, SearchMailbox {

    UUID commandId();

    Instant issuedAt();

    Origin origin();
}
