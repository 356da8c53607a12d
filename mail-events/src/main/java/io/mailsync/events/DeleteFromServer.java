package io.mailsync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * POP3 retention hand-off: the sync service has durably stored the message, so the fetcher may DELE it. Never
 * published before the message is stored (DESIGN.md "Sync semantics").
 */
@WireType(name = "DeleteFromServer", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeleteFromServer(
        UUID commandId,
        Instant issuedAt,
        AccountId accountId,
        Origin origin,
        MessageLocator locator,
        Instant notBefore) implements MailCommand {

    public DeleteFromServer {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(locator, "locator");
    }
}
