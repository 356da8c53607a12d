package io.mailsync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Move a message on the IMAP server to another folder (issue 11: a device puts it in the shared Trash). The fetcher
 * finds the target by {@code toSpecialUse} (RFC 6154, e.g. {@code \Trash}) where given and offered, else by
 * {@code toFolder}, created if missing; it uses MOVE (RFC 6851) where offered, else COPY, {@code \Deleted} and
 * UID EXPUNGE (RFC 4315). A message no longer at {@code from} whose Message-ID is already in the target (a retry
 * after a dropped connection) is left alone. The moved copy arrives as a {@code MessageArrived} where the fetcher
 * watches the target; sync re-matches it by {@code messageIdHeader} and {@code size}.
 */
@WireType(name = "MoveMessage", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MoveMessage(
        UUID commandId,
        Instant issuedAt,
        AccountId accountId,
        Origin origin,
        MessageLocator from,
        String toFolder,
        String toSpecialUse,
        String messageIdHeader,
        long size) implements MailCommand {

    public MoveMessage {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(toFolder, "toFolder");
        if (from.isPop3()) {
            throw new IllegalArgumentException("only an IMAP message can be moved");
        }
        if (toFolder.isBlank()) {
            throw new IllegalArgumentException("toFolder is not blank");
        }
    }
}
