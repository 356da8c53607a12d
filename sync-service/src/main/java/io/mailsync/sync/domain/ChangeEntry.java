package io.mailsync.sync.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an account's change log: the message that changed at {@code modseq}, and how; who changed it (issue 23:
 * the audit trail its owner reads) — {@code person} and {@code device}, both null for a change the mail server
 * reported; and whether it is {@code personal}: a person's own read state on a mailbox with private read state, which
 * only that person's {@code /changes} reports.
 */
public record ChangeEntry(long modseq, String messageId, ChangeKind kind, Instant at, String person, String device,
                          boolean personal) {

    public ChangeEntry {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        if (personal && person == null) {
            throw new IllegalArgumentException("a personal change names its person");
        }
    }

    /** A change nobody in particular made (the mail server's), visible to everyone. */
    public ChangeEntry(long modseq, String messageId, ChangeKind kind, Instant at) {
        this(modseq, messageId, kind, at, null, null, false);
    }

    /** Whether {@code viewer}'s {@code /changes} reports this entry. */
    public boolean visibleTo(String viewer) {
        return !personal || person.equals(viewer);
    }
}
