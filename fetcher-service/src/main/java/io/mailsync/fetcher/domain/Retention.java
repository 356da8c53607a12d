package io.mailsync.fetcher.domain;

import io.mailsync.events.AccountSpec.Pop3Retention;
import java.time.Duration;
import java.time.Instant;

/**
 * When a POP3 message may leave the server, like a mail client's "leave on server": never ({@code KEEP}), once
 * stored ({@code DELETE_AFTER_FETCH}), or N days after it was first seen ({@code DELETE_AFTER_DAYS}). In every case
 * only after the sync service confirmed it stored the message — never before (DESIGN.md "Sync semantics").
 */
public final class Retention {

    private Retention() {
    }

    public static boolean dueForDeletion(Pop3Retention policy, UidlRecord message, Instant now) {
        if (!message.storedDownstream()) {
            return false;
        }
        return switch (policy.policy()) {
            case KEEP -> false;
            case DELETE_AFTER_FETCH -> true;
            case DELETE_AFTER_DAYS -> !now.isBefore(message.firstSeen().plus(Duration.ofDays(policy.days())));
        };
    }
}
