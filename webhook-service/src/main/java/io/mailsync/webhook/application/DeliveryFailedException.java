package io.mailsync.webhook.application;

/** An attempt failed and should be tried again later; the message is what the log says, never a secret. */
public final class DeliveryFailedException extends RuntimeException {

    public DeliveryFailedException(String message) {
        super(message);
    }
}
