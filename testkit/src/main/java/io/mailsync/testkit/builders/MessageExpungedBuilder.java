package io.mailsync.testkit.builders;

import io.mailsync.events.MessageExpunged;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.mail.AccountId;

/** {@code aMessageExpunged().forAccount(id).at(locator).build()}: a message gone from the server. */
public final class MessageExpungedBuilder extends EventBuilder<MessageExpungedBuilder> {

    private MessageLocator locator = MessageLocator.imap("INBOX", 7, 1);

    private MessageExpungedBuilder() {
    }

    public static MessageExpungedBuilder aMessageExpunged() {
        return new MessageExpungedBuilder();
    }

    public MessageExpungedBuilder at(MessageLocator locator) {
        this.locator = locator;
        return this;
    }

    public MessageExpunged build() {
        return new MessageExpunged(eventId, occurredAt, accountId, origin, locator);
    }
}
