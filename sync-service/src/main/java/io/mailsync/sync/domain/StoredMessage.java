package io.mailsync.sync.domain;

import io.mailsync.events.MessageLocator;
import java.time.Instant;
import java.util.List;
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
        String id,
        String accountId,
        MessageLocator locator,
        String messageIdHeader,
        List<String> from,
        List<String> to,
        List<String> cc,
        String subject,
        Instant sentAt,
        Instant receivedAt,
        long size,
        Set<String> keywords,
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
        from = from == null ? List.of() : List.copyOf(from);
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        keywords = keywords == null ? Set.of() : Set.copyOf(keywords);
    }

    public String folder() {
        return locator.folderName();
    }
}
