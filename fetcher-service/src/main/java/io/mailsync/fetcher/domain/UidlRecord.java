package io.mailsync.fetcher.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A POP3 message the fetcher has announced (RFC 1939 §7: the UIDL is its identity), when it was first seen, and
 * whether the sync service confirmed it stored the message (only then may retention delete it from the server).
 */
public record UidlRecord(String uidl, Instant firstSeen, boolean storedDownstream) {

    public UidlRecord {
        if (uidl == null || uidl.isEmpty() || uidl.length() > 70) {
            throw new IllegalArgumentException("a UIDL is 1 to 70 characters (RFC 1939 §7)");
        }
        Objects.requireNonNull(firstSeen, "firstSeen");
    }
}
