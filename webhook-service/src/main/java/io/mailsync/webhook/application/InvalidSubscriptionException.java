package io.mailsync.webhook.application;

/** A subscription the customer asked for cannot be made; the message says why, in words the customer can act on. */
public final class InvalidSubscriptionException extends RuntimeException {

    public InvalidSubscriptionException(String message) {
        super(message);
    }
}
