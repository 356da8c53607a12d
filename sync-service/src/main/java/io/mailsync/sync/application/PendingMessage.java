package io.mailsync.sync.application;

import io.mailsync.events.MailEvent;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageFlagsChanged;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.MessageId;
import io.mailsync.sync.domain.StoredMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A message as an {@link EventRun} has changed it so far, before anything is written. */
final class PendingMessage {

    final MessageId id;
    final StoredMessage stored; // null for a message new in this run
    final MessageArrived arrived; // the arrival of a new message
    final boolean destroyed;
    final List<MailEvent> events = new ArrayList<>();
    Set<Keyword> keywords;
    Long serverModSeq;
    Instant lastServerEventAt;
    int created; // place of the CREATED change in the run (1-based), 0 for a stored message
    int changed; // place of its last change in the run, 0 if none
    boolean touched; // a server event to record, even if nothing changed

    PendingMessage(StoredMessage stored) {
        this.id = stored.id();
        this.stored = stored;
        this.arrived = null;
        this.destroyed = stored.destroyed();
        this.keywords = stored.keywords();
        this.serverModSeq = stored.serverModSeq();
        this.lastServerEventAt = stored.lastServerEventAt();
    }

    PendingMessage(MessageId id, MessageArrived arrived) {
        this.id = id;
        this.stored = null;
        this.arrived = arrived;
        this.destroyed = false;
        this.keywords = Keyword.validAmong(arrived.flags());
        this.serverModSeq = arrived.modSeq();
        this.lastServerEventAt = arrived.occurredAt();
    }

    void serverEventSeen(MessageFlagsChanged event) {
        if (lastServerEventAt == null || event.occurredAt().isAfter(lastServerEventAt)) {
            lastServerEventAt = event.occurredAt();
        }
        if (event.modSeq() != null && (serverModSeq == null || event.modSeq() > serverModSeq)) {
            serverModSeq = event.modSeq();
        }
        touched = true;
    }

    StoredMessage toNewMessage(AccountId accountId, long base) {
        MessageArrived e = arrived;
        return new StoredMessage(id, accountId, e.locator(), e.envelope(), e.receivedAt(), e.size(), keywords,
                e.contentRef(), base + created,
                base + changed, serverModSeq, lastServerEventAt, false, false);
    }
}
