package io.mailsync.events.mail;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An IMAP message UID: a non-zero unsigned 32-bit number, unique in its folder for one UIDVALIDITY (RFC 3501
 * §2.3.1.1).
 */
public record Uid(@JsonValue long value) implements Comparable<Uid> {

    @JsonCreator
    public Uid {
        Numbers.requireNz32(value, "a UID");
    }

    @Override
    public int compareTo(Uid other) {
        return Long.compare(value, other.value);
    }
}
