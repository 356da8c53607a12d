package io.mailsync.quota.application;

import io.mailsync.quota.domain.Notice;
import java.time.Instant;
import java.util.Objects;

/**
 * A notice decided but not yet fully delivered: it stays in the account's alert record (the outbox) until the
 * SMTP server accepted the e-mail and the event is on {@code quota.alerts}; failures are retried with back-off.
 */
public record PendingNotice(Notice notice, Instant decidedAt, boolean mailed, boolean published, int attempts,
                            Instant nextAttemptAt, String lastError) {

    public PendingNotice {
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        if (attempts < 0) {
            throw new IllegalArgumentException("delivery attempts are 0 or more, not " + attempts);
        }
    }

    public static PendingNotice of(Notice notice, Instant now) {
        return new PendingNotice(notice, now, false, false, 0, now, null);
    }

    public boolean delivered() {
        return mailed && published;
    }
}
