package io.mailsync.sync.domain;

import java.time.Instant;
import java.util.Objects;

/** One entry of an account's change log: the message that changed at {@code modseq}, and how. */
public record ChangeEntry(long modseq, String messageId, ChangeKind kind, Instant at) {

    public ChangeEntry {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }
}
