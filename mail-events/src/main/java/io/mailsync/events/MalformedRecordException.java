package io.mailsync.events;

/**
 * A record that is not valid JSON, or whose known type has fields that break its invariants. A poison record:
 * consumers send it to the dead-letter topic with this message as the reason and carry on.
 */
public class MalformedRecordException extends RuntimeException {
    public MalformedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
