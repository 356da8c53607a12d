package io.mailsync.sync.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A message deleted on the server (by a device, another client, POP3 retention excepted) that may still be put
 * back: its body is in the content store until the recovery window after {@code deletedAt} has passed (issue 11).
 */
public record DeletedMessage(StoredMessage message, Instant deletedAt, boolean bodyPurged) {

    public DeletedMessage {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(deletedAt, "deletedAt");
    }

    public Instant restorableUntil(Duration window) {
        return deletedAt.plus(window);
    }

    /** Restorable at {@code now}: a body is kept and the window has not passed. */
    public boolean restorable(Instant now, Duration window) {
        return !bodyPurged && message.contentRef() != null && now.isBefore(restorableUntil(window));
    }
}
