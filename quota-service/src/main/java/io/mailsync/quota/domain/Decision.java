package io.mailsync.quota.domain;

import java.util.List;
import java.util.Objects;

/** The outcome of evaluating one resource: its next alert state and what to tell the customer (maybe nothing). */
public record Decision(AlertState next, List<Notice> notices) {
    public Decision {
        Objects.requireNonNull(next, "next");
        notices = List.copyOf(notices);
    }
}
