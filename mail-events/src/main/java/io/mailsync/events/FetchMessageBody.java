package io.mailsync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Issue 20: a request for a message's body that mailsync did not store ({@code storeBodies=false}). Whatever only the
 * mail server has goes to the fetcher that owns the mailbox (DESIGN.md "Reads that need the server go to the owner"),
 * on {@link Topics#COMMANDS} like every command. The owner fetches it with {@code UID FETCH BODY.PEEK[]} (RFC 3501
 * §6.4.5: never sets {@code \Seen}), writes the bytes to the content store (ADR 0002) and answers with a
 * {@link MessageBodyFetched} carrying the same {@code commandId} on {@link Topics#REPLIES}.
 *
 * @param answerBy after this nobody waits for the answer any more: an owner that reads the request later (it was
 *                 offline, the account moved) drops it instead of filling the content store with a body no one keeps
 */
@WireType(name = "FetchMessageBody", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FetchMessageBody(
        UUID commandId,
        Instant issuedAt,
        AccountId accountId,
        Origin origin,
        MessageLocator locator,
        Instant answerBy) implements MailCommand {

    public FetchMessageBody {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(answerBy, "answerBy");
        if (locator.isPop3()) {
            throw new IllegalArgumentException("only an IMAP message is fetched on demand (POP3 bodies are stored)");
        }
    }

    /** Whether nobody waits for the answer any more at {@code now}. */
    public boolean expiredAt(Instant now) {
        return now.isAfter(answerBy);
    }
}
