package io.mailsync.sync.application.port.out;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.MessageId;
import java.util.Collection;
import java.util.Set;

/** Each person's own {@code $seen} on a mailbox with private read state (issue 23). */
public interface PrivateSeen {

    /** Those of {@code messages} {@code person} has read. */
    Set<MessageId> seenAmong(AccountId accountId, String person, Collection<MessageId> messages);

    /** Records that {@code person} has read the message ({@code seen}) or marked it unread again. */
    void mark(AccountId accountId, String person, MessageId messageId, boolean seen);

    void deleteAccount(AccountId accountId);
}
