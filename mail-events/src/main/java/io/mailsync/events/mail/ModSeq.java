package io.mailsync.events.mail;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A mod-sequence: a server's (RFC 7162 §3.1.1, a positive 63-bit number) or sync-service's own per-account change
 * counter, whose state strings devices hold. Zero is allowed and means "before any change" (an empty account, a
 * server that reported none); negative never.
 */
public record ModSeq(@JsonValue long value) implements Comparable<ModSeq> {

    public static final ModSeq ZERO = new ModSeq(0);

    @JsonCreator
    public ModSeq {
        if (value < 0) {
            throw new IllegalArgumentException("a mod-sequence is not negative (RFC 7162 §3.1.1), was " + value);
        }
    }

    public static ModSeq of(long value) {
        return new ModSeq(value);
    }

    public ModSeq next() {
        return new ModSeq(Math.addExact(value, 1));
    }

    public boolean isAfter(ModSeq other) {
        return value > other.value;
    }

    @Override
    public int compareTo(ModSeq other) {
        return Long.compare(value, other.value);
    }
}
