package io.mailsync.fetcher.application;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.AccountStatusChanged.Status;
import io.mailsync.events.DeleteFromServer;
import io.mailsync.events.MailEvent;
import io.mailsync.events.MailboxUsageSampled;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageExpunged;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.Origin;
import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.ContentStore;
import io.mailsync.fetcher.application.port.out.MailLogin;
import io.mailsync.fetcher.application.port.out.MaildropStore;
import io.mailsync.fetcher.application.port.out.Pop3Drop;
import io.mailsync.fetcher.application.port.out.Pop3Server;
import io.mailsync.fetcher.domain.DropEntry;
import io.mailsync.fetcher.domain.MessageSummary;
import io.mailsync.fetcher.domain.Retention;
import io.mailsync.fetcher.domain.UidlRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A POP3 account: one short session per poll (a maildrop is locked while a session is open). An unknown UIDL is
 * new mail, a UIDL gone from the server is an expunge, {@code STAT} is the usage. Retention deletes a message
 * only after the sync service confirmed it stored it (a {@link DeleteFromServer} command), and such a deletion is
 * not announced as an expunge — the message lives on in mailsync.
 */
final class Pop3Loop {

    private final Pop3Server server;
    private final MaildropStore drops;
    private final ContentStore contents;
    private final SyncContext with;
    private final Origin origin;
    private final HostBudget budget;
    private boolean reportedConnected;

    Pop3Loop(Pop3Server server, MaildropStore drops, ContentStore contents, SyncContext with, Origin origin,
             HostBudget budget) {
        this.server = server;
        this.budget = budget;
        this.drops = drops;
        this.contents = contents;
        this.with = with;
        this.origin = origin;
    }

    void run(AccountSpec account, Supplier<MailLogin> login, SessionControl control) {
        while (control.running()) {
            // the poll on a short thread, the session's thread only waits between polls (ShortThreads, issue 18)
            Duration wait = ShortThreads.call(control, () -> session(account, login, control));
            if (wait == null) {
                return;
            }
            control.pause(wait);
        }
    }

    /** One session on the maildrop; returns how long until the next, or null when the loop is to end. */
    private Duration session(AccountSpec account, Supplier<MailLogin> login, SessionControl control) {
        confirmStored(account, control);
        Duration wait = account.pollInterval();
        HostBudget.Slot slot = budget.connection(control); // issue 22: the host's connection budget
        if (slot == null) {
            return null;
        }
        try (slot; Pop3Drop drop = server.connect(login.get())) {
            control.holding(drop);
            slot.cutBy(() -> Thread.ofVirtual().start(drop::close)); // the host's slot lost (issue 22)
            if (!control.running()) {
                return null;
            }
            control.connected();
            if (!reportedConnected) {
                control.status(Status.CONNECTED); // once per session, not per poll
                reportedConnected = true;
            }
            List<String> deleted = poll(account, drop);
            // forgotten before QUIT makes them real (RFC 1939 §6): should the QUIT fail, a message comes back
            // as a duplicate arrival (idempotent downstream), never as a false expunge of stored mail
            drops.remove(account.accountId(), deleted);
            drop.commit();
            Duration loginDelay = drop.loginDelay().orElse(Duration.ZERO);
            wait = loginDelay.compareTo(wait) > 0 ? loginDelay : wait;
        } finally {
            control.holding(null);
        }
        control.status(Status.POLLING);
        return wait;
    }

    /** Returns the UIDLs marked for deletion; they go when the session commits. */
    private List<String> poll(AccountSpec account, Pop3Drop drop) {
        AccountId accountId = account.accountId();
        List<DropEntry> entries = drop.list();
        Map<String, UidlRecord> known = drops.load(accountId);
        Instant now = with.clock().instant();

        List<DropEntry> fresh = entries.stream().filter(e -> !known.containsKey(e.uidl())).toList();
        for (int from = 0; from < fresh.size(); from += with.settings().batchSize()) {
            List<DropEntry> batch = fresh.subList(from, Math.min(fresh.size(), from + with.settings().batchSize()));
            List<MailEvent> arrived = new ArrayList<>();
            for (DropEntry entry : batch) {
                arrived.add(arrived(account, drop, entry, now));
            }
            with.publisher().publish(arrived);
            drops.add(accountId, batch.stream().map(e -> new UidlRecord(e.uidl(), now, false)).toList());
        }

        Set<String> present = entries.stream().map(DropEntry::uidl).collect(Collectors.toSet());
        List<String> gone = known.keySet().stream().filter(uidl -> !present.contains(uidl)).sorted().toList();
        if (!gone.isEmpty()) {
            with.publisher().publish(gone.stream().<MailEvent>map(uidl -> new MessageExpunged(UUID.randomUUID(),
                    now, accountId, Origin.server(), MessageLocator.pop3(uidl))).toList());
            drops.remove(accountId, gone);
        }

        long[] stat = drop.stat();
        with.publisher().publish(new MailboxUsageSampled(UUID.randomUUID(), now, accountId, origin,
                MailboxUsageSampled.Source.POP3_STAT, stat[1], null, stat[0], null));

        return deleteDue(account, drop, entries, known, now);
    }

    private MailEvent arrived(AccountSpec account, Pop3Drop drop, DropEntry entry, Instant now) {
        MessageLocator locator = MessageLocator.pop3(entry.uidl());
        MessageSummary m;
        String contentRef = null;
        if (storesBodies(account)) {
            byte[] raw = drop.retrieve(entry);
            contentRef = contents.put(account.accountId(), locator.key(), raw); // claim check: before the event
            m = drop.parse(entry, raw);
        } else {
            m = drop.headers(entry);
        }
        return new MessageArrived(UUID.randomUUID(), now, account.accountId(), origin, locator, null, m.envelope(),
                now, m.size(), Set.of(), contentRef, false);
    }

    /** A message deleted by retention leaves the index silently: it was stored, so it is not an expunge. */
    private List<String> deleteDue(AccountSpec account, Pop3Drop drop, List<DropEntry> entries, Map<String, UidlRecord> known,
                           Instant now) {
        List<String> deleted = new ArrayList<>();
        for (DropEntry entry : entries) {
            UidlRecord record = known.get(entry.uidl());
            if (record != null && Retention.dueForDeletion(account.retention(), record, now)) {
                drop.delete(entry);
                deleted.add(entry.uidl());
            }
        }
        return deleted;
    }

    /** Each command is completed (its offset committed) once its mark is stored; a failure puts it back first. */
    private void confirmStored(AccountSpec account, SessionControl control) {
        for (PendingCommand next = control.nextCommand(); next != null; next = control.nextCommand()) {
            try {
                if (next.command() instanceof DeleteFromServer delete && delete.locator().isPop3()) {
                    drops.markStoredDownstream(account.accountId(), delete.locator().uidl());
                }
            } catch (RuntimeException e) {
                control.retryFirst(next);
                throw e;
            }
            next.complete();
        }
    }

    private boolean storesBodies(AccountSpec account) {
        return account.storeBodies() || with.settings().pop3StoresBodies();
    }
}
