package io.mailsync.sync.support;

import static io.mailsync.testkit.builders.MessageArrivedBuilder.aMessageArrived;
import static io.mailsync.testkit.builders.MessageExpungedBuilder.aMessageExpunged;
import static io.mailsync.testkit.builders.MessageFlagsChangedBuilder.aMessageFlagsChanged;

import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageExpunged;
import io.mailsync.events.MessageFlagsChanged;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.Origin;
import java.util.Set;

/** Sync tests' shortcuts over testkit's named builders, for the events a fetcher publishes. */
public final class MailEvents {

    private MailEvents() {
    }

    public static MessageArrived arrived(String accountId, MessageLocator locator, String subject, String... flags) {
        return aMessageArrived().forAccount(accountId).at(locator).withSubject(subject).withFlags(flags).build();
    }

    public static MessageArrived imapArrived(String accountId, long uid, String subject, String... flags) {
        return arrived(accountId, MessageLocator.imap("INBOX", 7, uid), subject, flags);
    }

    public static MessageFlagsChanged flagsChanged(String accountId, MessageLocator locator, Origin origin,
                                                   Set<String> added, Set<String> removed) {
        return aMessageFlagsChanged().forAccount(accountId).at(locator).causedBy(origin).adding(added)
                .removing(removed).build();
    }

    public static MessageExpunged expunged(String accountId, MessageLocator locator) {
        return aMessageExpunged().forAccount(accountId).at(locator).build();
    }
}
