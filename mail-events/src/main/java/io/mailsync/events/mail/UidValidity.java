package io.mailsync.events.mail;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A folder's UIDVALIDITY: a non-zero unsigned 32-bit number; when it changes, every UID of the folder before it means
 * nothing (RFC 3501 §2.3.1.1).
 */
public record UidValidity(@JsonValue long value) {

    @JsonCreator
    public UidValidity {
        Numbers.requireNz32(value, "a UIDVALIDITY");
    }
}
