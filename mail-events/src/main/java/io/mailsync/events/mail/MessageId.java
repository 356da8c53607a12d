package io.mailsync.events.mail;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * sync-service's public id of a message (JMAP {@code Email/id}, RFC 8621 §4.1.1): stable for the message's life, not
 * the RFC 5322 Message-ID header, which is a plain string wherever it appears.
 */
public record MessageId(@JsonValue String value) {

    // RFC 8620 §1.2: an Id is 1-255 characters of A-Z a-z 0-9 - _
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,255}");

    @JsonCreator
    public MessageId {
        if (value == null || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a message id (1-255 of A-Z a-z 0-9 - _)");
        }
    }

    public static MessageId of(String value) {
        return new MessageId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
