package io.mailsync.sync.domain;

import io.mailsync.events.MessageLocator;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Envelope;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.MessageId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A message as the sync service keeps it: where it lives on the server, its envelope, its canonical keywords and
 * the modseqs at which it was created and last changed.
 *
 * @param serverModSeq      the server's CONDSTORE modseq of the last applied server event, where offered
 * @param lastServerEventAt when the last applied server event happened; older events change nothing
 * @param deleteRequested   POP3: {@code DeleteFromServer} was published, so the server copy going away is expected
 */
public record StoredMessage(
        MessageId id,
        AccountId accountId,
        MessageLocator locator,
        Envelope envelope,
        Instant receivedAt,
        long size,
        Set<Keyword> keywords,
        String contentRef,
        long createdModseq,
        long modseq,
        Long serverModSeq,
        Instant lastServerEventAt,
        boolean destroyed,
        boolean deleteRequested) {

    public StoredMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(locator, "locator");
        envelope = envelope == null ? Envelope.EMPTY : envelope;
        keywords = keywords == null ? Set.of() : Set.copyOf(keywords);
    }

    /** The Message-ID header (how a copy on the server is found again), not the message's {@link #id()}. */
    public String messageIdHeader() {
        return envelope.messageIdHeader();
    }

    public String folder() {
        return locator.folderName();
    }

    /** The message after a change of its keywords written at {@code atModseq}. */
    public StoredMessage changed(Set<Keyword> newKeywords, long atModseq) {
        return new StoredMessage(id, accountId, locator, envelope, receivedAt, size, newKeywords, contentRef,
                createdModseq, atModseq, serverModSeq, lastServerEventAt, destroyed, deleteRequested);
    }

    /** The same message as one person sees it (issue 23: their own {@code $seen} on private read state). */
    public StoredMessage withKeywords(Set<Keyword> seenBy) {
        return new StoredMessage(id, accountId, locator, envelope, receivedAt, size, seenBy, contentRef, createdModseq,
                modseq, serverModSeq, lastServerEventAt, destroyed, deleteRequested);
    }
}
