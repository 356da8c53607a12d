package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.sync.application.port.out.MessageLookup;
import io.mailsync.sync.domain.StoredMessage;
import java.util.Optional;

/**
 * A message a caller names by the id it sent. An id that is not a well-formed {@link MessageId} names no message: the
 * caller gets the same 404 as for an unknown id, as before the ports were typed (issue 21, ADR 0012).
 */
final class RequestedMessage {

    private RequestedMessage() {
    }

    static Optional<StoredMessage> find(MessageLookup messages, AccountId accountId, String messageId) {
        return id(messageId).flatMap(id -> messages.find(accountId, id));
    }

    /** The id a caller sent, where it is one; empty where it cannot name a message. */
    static Optional<MessageId> id(String messageId) {
        try {
            return Optional.of(MessageId.of(messageId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
