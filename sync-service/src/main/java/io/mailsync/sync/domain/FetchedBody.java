package io.mailsync.sync.domain;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.MessageId;
import java.time.Instant;
import java.util.Objects;

/**
 * A body mailsync did not store but fetched on demand from the server (issue 20), kept in the content store until
 * {@code keepUntil} so the next read of the same message does not go to the server again.
 */
public record FetchedBody(AccountId accountId, MessageId messageId, String contentRef, long size, Instant keepUntil) {

    public FetchedBody {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(contentRef, "contentRef");
        Objects.requireNonNull(keepUntil, "keepUntil");
        if (size < 0) {
            throw new IllegalArgumentException("a body's size is not negative");
        }
    }

    public boolean keptAt(Instant now) {
        return now.isBefore(keepUntil);
    }
}
