package io.mailsync.sync.application;

import io.mailsync.events.MailEvent;
import io.mailsync.events.MailboxUsageSampled;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageFlagsChanged;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.Origin;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.application.port.out.ChangeLog;
import io.mailsync.sync.application.port.out.MessageStore;
import io.mailsync.sync.application.port.out.MessageStore.ServerEventWrite;
import io.mailsync.sync.application.port.out.StatePublisher;
import io.mailsync.sync.domain.Account;
import io.mailsync.sync.domain.ChangeEntry;
import io.mailsync.sync.domain.ChangeKind;
import io.mailsync.sync.domain.KeywordDelta;
import io.mailsync.sync.domain.Keywords;
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

/**
 * One account's run of consecutive arrivals and flag changes, applied as {@link StoreArrivedMessage} and
 * {@link ApplyMailEvent} would apply them one by one, but worked out in memory first: the messages are read in one
 * query, each change gets its place in the run, then the modseqs are reserved at once, the change log is written
 * (before the messages, so a crash over-reports and never under-reports, RFC 8620 §5.2), new messages are inserted
 * and changed ones updated in bulk — each message once, with its net result — and the state is pushed once.
 * A message whose write did not take (a concurrent replay, a device's edit in between) has its events of the run
 * applied again one at a time, which re-reads it: the log then holds an extra entry, an over-report.
 */
final class EventRun {

    record Ports(MessageStore messages, AccountCounter counter, ChangeLog changeLog, StatePublisher statePublisher,
                 StoreArrivedMessage arrivals, ApplyMailEvent single, Clock clock) {
    }

    private record Change(String messageId, ChangeKind kind) {
    }

    private final Ports ports;
    private final Account account;
    private final String accountId;
    private final Map<String, Draft> drafts = new LinkedHashMap<>(); // by locator key
    private final List<Change> changes = new ArrayList<>();
    private final Set<String> handOffs = new LinkedHashSet<>(); // locator keys
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
        ports.messages().findAtOwnLocations(accountId, locators).forEach((key, m) -> drafts.put(key, new Draft(m)));
        flagged.removeIf(locator -> drafts.containsKey(locator.key()));
        if (!flagged.isEmpty()) {
            ports.messages().findByLocators(accountId, flagged).forEach((key, m) -> drafts.put(key, new Draft(m)));
        }
        awaitingAppend = headers.isEmpty() ? Set.of() : ports.messages().awaitingAppendAmong(accountId, headers);
    }

    /** False when the event must go alone (an arrival the copy of a message mailsync APPENDed); nothing done then. */
    private boolean take(MailEvent event) {
        switch (event) {
            case MessageArrived arrived -> {
                return arrived(arrived);
            }
            case MessageFlagsChanged flags -> flagsChanged(flags);
            default -> {
                // MailboxUsageSampled: quota-service's concern
            }
        }
        return true;
    }

    private boolean arrived(MessageArrived event) {
        String key = event.locator().key();
        Draft draft = drafts.get(key);
        if (draft == null) {
            if (!event.locator().isPop3() && event.messageIdHeader() != null
                    && awaitingAppend.contains(event.messageIdHeader())) {
                return false;
            }
            draft = new Draft(MessageIds.of(accountId, key), event);
            draft.created = change(draft.id, ChangeKind.CREATED);
            draft.changed = draft.created;
            drafts.put(key, draft);
        }
        draft.events.add(event); // else a replay: only the POP3 hand-off, which may not have made it last time
        handOffs.add(key);
        return true;
    }

    /** As {@link ApplyMailEvent}: older events and echoes of a device's write-back change nothing devices see. */
    private void flagsChanged(MessageFlagsChanged event) {
        Draft draft = drafts.get(event.locator().key());
        if (draft == null || draft.destroyed
                || ApplyMailEvent.isOlder(draft.serverModSeq, draft.lastServerEventAt, event)) {
            return;
        }
        draft.events.add(event);
        Set<String> added = Keywords.fromServer(event.added());
        Set<String> removed = Keywords.fromServer(event.removed());
        boolean echo = event.origin() != null && event.origin().kind() == Origin.Kind.DEVICE;
        Set<String> next = echo || (added.isEmpty() && removed.isEmpty()) ? draft.keywords
                : KeywordDelta.of(added, removed).applyTo(draft.keywords);
        if (next.equals(draft.keywords)) {
            draft.serverEventSeen(event); // recordServerEvent: $max of both
            return;
        }
        draft.keywords = next;
        draft.changed = change(draft.id, ChangeKind.UPDATED);
        draft.lastServerEventAt = event.occurredAt(); // applyServerKeywords: $set
        if (event.modSeq() != null) {
            draft.serverModSeq = event.modSeq();
        }
        draft.touched = true;
    }

    private int change(String messageId, ChangeKind kind) {
        changes.add(new Change(messageId, kind));
        return changes.size();
    }

    private void flush() {
        SyncState state = null;
        long base = 0;
        if (!changes.isEmpty()) {
            state = ports.counter().reserve(accountId, changes.size());
            base = state.modseq() - changes.size();
            Instant now = ports.clock().instant();
            List<ChangeEntry> entries = new ArrayList<>(changes.size());
            for (int i = 0; i < changes.size(); i++) {
                entries.add(new ChangeEntry(base + i + 1, changes.get(i).messageId(), changes.get(i).kind(), now));
            }
            ports.changeLog().appendAll(accountId, entries);
        }
        List<StoredMessage> inserts = new ArrayList<>();
        List<ServerEventWrite> updates = new ArrayList<>();
        Map<String, StoredMessage> inserted = new HashMap<>();
        for (Draft draft : drafts.values()) {
            if (draft.arrived != null) {
                StoredMessage message = draft.toNewMessage(accountId, base);
                inserts.add(message);
                inserted.put(draft.id, message);
            } else if (draft.changed > 0) {
                updates.add(new ServerEventWrite(draft.id, draft.keywords, draft.stored.modseq(), base + draft.changed,
                        draft.serverModSeq, draft.lastServerEventAt));
            } else if (draft.touched) {
                updates.add(new ServerEventWrite(draft.id, null, draft.stored.modseq(), draft.stored.modseq(),
                        draft.serverModSeq, draft.lastServerEventAt));
            }
        }
        Set<String> notWritten = new HashSet<>(ports.messages().insertAll(inserts));
        notWritten.addAll(ports.messages().applyServerEvents(accountId, updates));
        if (state != null) {
            ports.statePublisher().stateAdvanced(accountId, state);
        }
        for (String key : handOffs) {
            Draft draft = drafts.get(key);
            if (!notWritten.contains(draft.id)) {
                ports.arrivals().handOff(account, draft.stored != null ? draft.stored : inserted.get(draft.id));
            }
        }
        for (Draft draft : drafts.values()) {
            if (notWritten.contains(draft.id)) {
                draft.events.forEach(event -> ports.single().apply(account, event));
            }
        }
    }

    /** A message as the run has changed it so far. */
    private static final class Draft {
        final String id;
        final StoredMessage stored; // null for a message new in this run
        final MessageArrived arrived; // the arrival of a new message
        final boolean destroyed;
        final List<MailEvent> events = new ArrayList<>();
        Set<String> keywords;
        Long serverModSeq;
        Instant lastServerEventAt;
        int created; // place of the CREATED change in the run (1-based), 0 for a stored message
        int changed; // place of its last change in the run, 0 if none
        boolean touched; // a server event to record, even if nothing changed

        Draft(StoredMessage stored) {
            this.id = stored.id();
            this.stored = stored;
            this.arrived = null;
            this.destroyed = stored.destroyed();
            this.keywords = stored.keywords();
            this.serverModSeq = stored.serverModSeq();
            this.lastServerEventAt = stored.lastServerEventAt();
        }

        Draft(String id, MessageArrived arrived) {
            this.id = id;
            this.stored = null;
            this.arrived = arrived;
            this.destroyed = false;
            this.keywords = Keywords.fromServer(arrived.flags());
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

        StoredMessage toNewMessage(String accountId, long base) {
            MessageArrived e = arrived;
            return new StoredMessage(id, accountId, e.locator(), e.messageIdHeader(), e.from(), e.to(), e.cc(),
                    e.subject(), e.sentAt(), e.receivedAt(), e.size(), keywords, e.contentRef(), base + created,
                    base + changed, serverModSeq, lastServerEventAt, false, false);
        }
    }
}
