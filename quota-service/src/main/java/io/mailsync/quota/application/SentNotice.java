package io.mailsync.quota.application;

import io.mailsync.quota.domain.Notice;
import java.time.Instant;
import java.util.Objects;

/** A notice delivered: the SMTP server accepted it (or the account has no contact address) and it was published. */
public record SentNotice(Notice notice, Instant sentAt) {
    public SentNotice {
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(sentAt, "sentAt");
    }
}
