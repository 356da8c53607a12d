package io.mailsync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Issue 20: a search run by the mail server, which has every body (IMAP {@code UID SEARCH}, RFC 3501 §6.4.4), asked of
 * the fetcher that owns the mailbox on {@link Topics#COMMANDS} and answered by a {@link MailboxSearched} with the same
 * {@code commandId} on {@link Topics#REPLIES}. A request the owner reads after {@code answerBy} is dropped.
 */
@WireType(name = "SearchMailbox", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchMailbox(
        UUID commandId,
        Instant issuedAt,
        AccountId accountId,
        Origin origin,
        List<String> folders,
        SearchCriteria criteria,
        Instant answerBy) implements MailCommand {

    public SearchMailbox {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(answerBy, "answerBy");
        folders = List.copyOf(folders == null ? List.of() : folders);
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("a search names the folders to search");
        }
    }

    public boolean expiredAt(Instant now) {
        return now.isAfter(answerBy);
    }
}
