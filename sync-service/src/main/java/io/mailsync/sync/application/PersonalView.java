package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.MessageId;
import io.mailsync.sync.application.port.out.PrivateSeen;
import io.mailsync.sync.application.port.out.ReadStateModes;
import io.mailsync.sync.domain.Account;
import io.mailsync.sync.domain.ReadStateMode;
import io.mailsync.sync.domain.StoredMessage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Messages as one person sees them (issue 23). On a mailbox with private read state, a person it is shared with sees
 * their own {@code $seen} in place of the shared one, and every other keyword as everyone does; its owner (and
 * {@code accounts.admin}) sees the shared keywords, which are the server's.
 */
public class PersonalView {

    private final AccountAccess access;
    private final ReadStateModes modes;
    private final PrivateSeen privateSeen;

    public PersonalView(AccountAccess access, ReadStateModes modes, PrivateSeen privateSeen) {
        this.access = access;
        this.modes = modes;
        this.privateSeen = privateSeen;
    }

    /** Whether {@code caller}'s {@code $seen} on {@code account} is their own. */
    boolean isPrivateFor(Caller caller, Account account) {
        return !caller.mayAct(account.customerId())
                && modes.modeOf(account.accountId()) == ReadStateMode.PRIVATE;
    }

    /** The messages as {@code caller} sees them: their own {@code $seen} where the mailbox keeps read state private. */
    public List<StoredMessage> asSeenBy(Caller caller, AccountId accountId, List<StoredMessage> messages) {
        Account account = access.require(caller, accountId);
        if (messages.isEmpty() || !isPrivateFor(caller, account)) {
            return messages;
        }
        Set<MessageId> seen = privateSeen.seenAmong(accountId, caller.customerId(),
                messages.stream().map(m -> m.id()).toList());
        return messages.stream().map(m -> withSeen(m, seen.contains(m.id()))).toList();
    }

    StoredMessage asSeenBy(Caller caller, AccountId accountId, StoredMessage message) {
        return asSeenBy(caller, accountId, List.of(message)).getFirst();
    }

    static StoredMessage withSeen(StoredMessage message, boolean seen) {
        Set<Keyword> keywords = new HashSet<>(message.keywords());
        keywords.remove(Keyword.SEEN);
        if (seen) {
            keywords.add(Keyword.SEEN);
        }
        return message.withKeywords(keywords);
    }
}
