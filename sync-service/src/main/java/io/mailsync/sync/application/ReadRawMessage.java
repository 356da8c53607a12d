package io.mailsync.sync.application;

import io.mailsync.sync.application.port.out.ContentStore;
import io.mailsync.sync.application.port.out.MessageLookup;
import io.mailsync.sync.domain.StoredMessage;
import java.io.InputStream;

/** The message as RFC 822 bytes from the content store, where the account's policy stored it. */
public class ReadRawMessage {

    private final AccountAccess access;
    private final MessageLookup messages;
    private final ContentStore content;

    public ReadRawMessage(AccountAccess access, MessageLookup messages, ContentStore content) {
        this.access = access;
        this.messages = messages;
        this.content = content;
    }

    public InputStream open(Caller caller, String accountId, String messageId) {
        access.require(caller, accountId);
        StoredMessage message = RequestedMessage.find(messages, accountId, messageId).filter(m -> !m.destroyed())
                .orElseThrow(() -> new SyncProblems.NotFound("no message " + messageId + " in account " + accountId));
        if (message.contentRef() == null) {
            throw new SyncProblems.NotFound("the body of message " + messageId
                    + " was not stored: the account does not store bodies (storeBodies=false)");
        }
        return content.open(message.contentRef()).orElseThrow(() -> new SyncProblems.NotFound(
                "the body of message " + messageId + " is no longer in the content store"));
    }
}
