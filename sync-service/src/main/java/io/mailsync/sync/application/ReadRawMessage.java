package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.MessageLookup;
import io.mailsync.sync.domain.Account;
import io.mailsync.sync.domain.StoredMessage;
import java.io.InputStream;

/**
 * The message as RFC 822 bytes: from the content store where the account's policy stored it, else fetched from the
 * mail server by the mailbox's owner ({@link MessageBodies}, issue 20).
 */
public class ReadRawMessage {

    private final AccountAccess access;
    private final MessageLookup messages;
    private final MessageBodies bodies;

    public ReadRawMessage(AccountAccess access, MessageLookup messages, MessageBodies bodies) {
        this.access = access;
        this.messages = messages;
        this.bodies = bodies;
    }

    public InputStream open(Caller caller, AccountId accountId, String messageId) {
        Account account = access.require(caller, accountId);
        StoredMessage message = RequestedMessage.find(messages, accountId, messageId).filter(m -> !m.destroyed())
                .orElseThrow(() -> new SyncProblems.NotFound("no message " + messageId + " in account " + accountId));
        return bodies.open(account, message);
    }
}
