package io.mailsync.sync.support;

import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageExpunged;
import io.mailsync.events.MessageFlagsChanged;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.Origin;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Named builders for the events a fetcher publishes (STYLE.md: no copy-pasted JSON). */
public final class MailEvents {

    private MailEvents() {
    }

    public static MessageArrived arrived(String accountId, MessageLocator locator, String subject, String... flags) {
        return new MessageArrived(UUID.randomUUID(), Instant.now(), accountId, Origin.session("fetcher-test"), locator,
                null, "<" + UUID.randomUUID() + "@mailsync.test>", List.of("alice@example.test"),
                List.of("bob@example.test"), List.of(), subject, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), 1234, Set.of(flags), null, false);
    }

    public static MessageArrived imapArrived(String accountId, long uid, String subject, String... flags) {
        return arrived(accountId, MessageLocator.imap("INBOX", 7, uid), subject, flags);
    }

    public static MessageFlagsChanged flagsChanged(String accountId, MessageLocator locator, Origin origin,
                                                   Set<String> added, Set<String> removed) {
        return new MessageFlagsChanged(UUID.randomUUID(), Instant.now(), accountId, origin, locator, null, added,
                removed, null);
    }

    public static MessageExpunged expunged(String accountId, MessageLocator locator) {
        return new MessageExpunged(UUID.randomUUID(), Instant.now(), accountId, Origin.session("fetcher-test"), locator);
    }
}
