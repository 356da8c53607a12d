package io.mailsync.sync.application;

import io.mailsync.events.MailEvent;
import io.mailsync.events.MailboxUsageSampled;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageFlagsChanged;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.Origin;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.MessageId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.application.port.out.ChangeLog;
import io.mailsync.sync.application.port.out.MessageBatches;
import io.mailsync.sync.application.port.out.MessageBatches.ServerEventWrite;
import io.mailsync.sync.application.port.out.StatePublisher;
import io.mailsync.sync.domain.Account;
import io.mailsync.sync.domain.ChangeEntry;
import io.mailsync.sync.domain.ChangeKind;
import io.mailsync.sync.domain.KeywordDelta;
import io.mailsync.sync.domain.MessageIds;
import io.mailsync.sync.domain.StoredMessage;
import io.mailsync.sync.domain.SyncState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * One account's run of consecutive arrivals and flag changes, applied as {@link StoreArrivedMessage} and
 * {@link ApplyMailEvent} would apply them one by one, but worked out in memory first: the messages are read in one
 * query, each change gets its place in the run, then the modseqs are reserved at once, the change log is written
 * (before the messages, so a crash over-reports and never under-reports, RFC 8620 §5.2), new messages are inserted
 * and changed ones updated in bulk — each message once, with its net result — then the reservation is closed (the
 * state a listing reports passes the run only now) and the state is pushed once.
 * A message whose write did not take (a concurrent replay, a device's edit in between) has its events of the run
 * applied again one at a time, which re-reads it: the log then holds an extra entry, an over-report.
 */
final class EventRun {

    record Ports(MessageBatches messages, AccountCounter counter, ChangeLog changeLog, StatePublisher statePublisher,
                 StoreArrivedMessage arrivals, ApplyMailEvent single, Clock clock) {
    }

    private record Change(MessageId messageId, ChangeKind kind) {
    }

    private final Ports ports;
    private final Account account;
    private final AccountId accountId;
    private final Map<MessageLocator, PendingMessage> pending = new LinkedHashMap<>();
    private final List<Change> changes = new ArrayList<>();
    private final Set<MessageLocator> handOffs = new LinkedHashSet<>();
    private final Map<MessageId, StoredMessage> inserted = new HashMap<>();
    private Set<String> awaitingAppend = Set.of();

    EventRun(Ports ports, Account account) {
        this.ports = ports;
        this.account = account;
        this.accountId = account.accountId();
    }

    /** Applies {@code events} from {@code from} on while they can be batched; returns the first index not applied. */
    int apply(List<MailEvent> events, int from) {
        int end = from;
        while (end < events.size() && batchable(events.get(end))) {
            end++;
        }
        if (end == from) {
            return from;
        }
        load(events.subList(from, end));
        int next = from;
        while (next < end && take(events.get(next))) {
            next++;
        }
        flush();
        return next;
    }

    /** A rebuilt IMAP arrival may be re-matched to a message elsewhere: that one goes alone. */
    private static boolean batchable(MailEvent event) {
        return switch (event) {
            case MessageArrived arrived -> !arrived.rebuild() || arrived.locator().isPop3();
            case MessageFlagsChanged ignored -> true;
            case MailboxUsageSampled ignored -> true;
            default -> false;
        };
    }

    /**
     * Reads the messages the run touches by id (their location's own id). An arrival not found that way is new, or
     * sits at a location a moved message took — then the insert is refused and the arrival re-applied alone. A flag
     * change must find its message wherever it came from, so those not found by id are looked up by location.
     */
    private void load(List<MailEvent> events) {
        Set<MessageLocator> locators = new LinkedHashSet<>();
        Set<MessageLocator> flagged = new LinkedHashSet<>();
        Set<String> headers = new HashSet<>();
        for (MailEvent event : events) {
            if (event instanceof MessageArrived arrived) {
                locators.add(arrived.locator());
                if (!arrived.locator().isPop3() && arrived.messageIdHeader() != null) {
                    headers.add(arrived.messageIdHeader());
                }
            } else if (event instanceof MessageFlagsChanged flags) {
                locators.add(flags.locator());
                flagged.add(flags.locator());
            }
        }
        ports.messages().findAtOwnLocations(accountId, locators)
                .forEach((at, m) -> pending.put(at, new PendingMessage(m)));
        flagged.removeIf(pending::containsKey);
        if (!flagged.isEmpty()) {
            ports.messages().findByLocators(accountId, flagged)
                    .forEach((at, m) -> pending.put(at, new PendingMessage(m)));
        }
        awaitingAppend = headers.isEmpty() ? Set.of() : ports.messages().awaitingAppendAmong(accountId, headers);
    }

    /** False when the event must go alone (an arrival the copy of a message mailsync APPENDed); nothing done then. */
    private boolean take(MailEvent event) {
        if (event instanceof MessageArrived arrived) {
            return arrived(arrived);
        }
        if (event instanceof MessageFlagsChanged flags) {
            flagsChanged(flags);
        }
        return true; // MailboxUsageSampled: quota-service's concern
    }

    private boolean arrived(MessageArrived event) {
        MessageLocator at = event.locator();
        PendingMessage message = pending.get(at);
        if (message == null) {
            if (!event.locator().isPop3() && event.messageIdHeader() != null
                    && awaitingAppend.contains(event.messageIdHeader())) {
                return false;
            }
            message = new PendingMessage(MessageIds.of(accountId, at.key()), event);
            message.created = change(message.id, ChangeKind.CREATED);
            message.changed = message.created;
            pending.put(at, message);
        }
        message.events.add(event); // else a replay: only the POP3 hand-off, which may not have made it last time
        handOffs.add(at);
        return true;
    }

    /** As {@link ApplyMailEvent}: older events and echoes of a device's write-back change nothing devices see. */
    private void flagsChanged(MessageFlagsChanged event) {
        PendingMessage message = pending.get(event.locator());
        if (message == null || message.destroyed
                || ApplyMailEvent.isOlder(message.serverModSeq, message.lastServerEventAt, event)) {
            return;
        }
        message.events.add(event);
        Set<Keyword> added = Keyword.validAmong(event.added());
        Set<Keyword> removed = Keyword.validAmong(event.removed());
        boolean echo = event.origin() != null && event.origin().kind() == Origin.Kind.DEVICE;
        Set<Keyword> next = echo || (added.isEmpty() && removed.isEmpty()) ? message.keywords
                : KeywordDelta.of(added, removed).applyTo(message.keywords);
        if (next.equals(message.keywords)) {
            message.serverEventSeen(event); // recordServerEvent: $max of both
            return;
        }
        message.keywords = next;
        message.changed = change(message.id, ChangeKind.UPDATED);
        message.lastServerEventAt = event.occurredAt(); // applyServerKeywords: $set
        if (event.modSeq() != null) {
            message.serverModSeq = event.modSeq();
        }
        message.touched = true;
    }

    private int change(MessageId messageId, ChangeKind kind) {
        changes.add(new Change(messageId, kind));
        return changes.size();
    }

    private void flush() {
        if (changes.isEmpty()) { // server events seen, nothing devices see changed
            afterWrite(writeMessages(0));
            return;
        }
        AccountCounter.Reservation reservation = ports.counter().reserve(accountId, changes.size());
        SyncState state;
        Set<MessageId> notWritten;
        try {
            Instant now = ports.clock().instant();
            ports.changeLog().appendAll(accountId, IntStream.range(0, changes.size()).mapToObj(i ->
                    new ChangeEntry(reservation.from() + i, changes.get(i).messageId().value(), changes.get(i).kind(), now))
                    .toList());
            notWritten = writeMessages(reservation.from() - 1);
        } finally {
            // the state a listing may report passes this run only now that its messages are written (issue 15)
            state = ports.counter().written(accountId, reservation);
        }
        ports.statePublisher().stateAdvanced(accountId, state);
        afterWrite(notWritten);
    }

    /** Inserts the run's new messages and updates the changed ones in bulk; returns those whose write did not take. */
    private Set<MessageId> writeMessages(long base) {
        List<StoredMessage> inserts = new ArrayList<>();
        List<ServerEventWrite> updates = new ArrayList<>();
        for (PendingMessage p : pending.values()) {
            if (p.arrived != null) {
                StoredMessage message = p.toNewMessage(accountId, base);
                inserts.add(message);
                inserted.put(p.id, message);
            } else if (p.changed > 0) {
                updates.add(new ServerEventWrite(p.id, p.keywords, ModSeq.of(p.stored.modseq()),
                        ModSeq.of(base + p.changed), p.serverModSeq, p.lastServerEventAt));
            } else if (p.touched) {
                ModSeq unchanged = ModSeq.of(p.stored.modseq());
                updates.add(new ServerEventWrite(p.id, null, unchanged, unchanged, p.serverModSeq,
                        p.lastServerEventAt));
            }
        }
        Set<MessageId> notWritten = new HashSet<>(ports.messages().insertAll(inserts));
        notWritten.addAll(ports.messages().applyServerEvents(accountId, updates));
        return notWritten;
    }

    private void afterWrite(Set<MessageId> notWritten) {
        for (MessageLocator at : handOffs) {
            PendingMessage p = pending.get(at);
            if (!notWritten.contains(p.id)) {
                ports.arrivals().handOff(account, p.stored != null ? p.stored : inserted.get(p.id));
            }
        }
        for (PendingMessage p : pending.values()) {
            if (notWritten.contains(p.id)) {
                p.events.forEach(event -> ports.single().apply(account, event));
            }
        }
    }
}
