package io.mailsync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Write a device's flag delta back to the IMAP server ({@code UID STORE +FLAGS.SILENT}), with
 * {@code UNCHANGEDSINCE unchangedSince} where the server offers CONDSTORE (RFC 7162 §3.1.3).
 */
@WireType(name = "SetFlags", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SetFlags(
        UUID commandId,
        Instant issuedAt,
        AccountId accountId,
        Origin origin,
        MessageLocator locator,
        Set<String> add,
        Set<String> remove,
        Long unchangedSince) implements MailCommand {

    public SetFlags {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(locator, "locator");
        add = add == null ? Set.of() : Set.copyOf(add);
        remove = remove == null ? Set.of() : Set.copyOf(remove);
        if (add.isEmpty() && remove.isEmpty()) {
            throw new IllegalArgumentException("SetFlags changes at least one flag");
        }
    }
}
