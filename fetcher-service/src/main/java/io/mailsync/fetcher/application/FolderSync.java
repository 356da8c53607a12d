package io.mailsync.fetcher.application;

import io.mailsync.events.MailEvent;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.Origin;
import io.mailsync.events.SetFlags;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.events.mail.Uid;
import io.mailsync.fetcher.application.port.out.RemoteFolder;
import io.mailsync.fetcher.domain.FlagChange;
import io.mailsync.fetcher.domain.FlagState;
import io.mailsync.fetcher.domain.FolderCursor;
import io.mailsync.fetcher.domain.FolderIndex;
import io.mailsync.fetcher.domain.MessageSummary;
import io.mailsync.fetcher.domain.ServerChanges;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one selected folder in step with what was announced, for the life of a connection. Events are acknowledged
 * before the cursor or index moves (a crash re-announces at most {@link #SETTLE_EVERY} new messages, never loses
 * one). A UIDVALIDITY change is one {@link io.mailsync.events.FolderReset} and a silent rebuild
 * ({@link FolderRebuild}). Flag changes come from {@code CHANGEDSINCE} where the server has CONDSTORE, expunges
 * from {@code VANISHED} where it has QRESYNC, and otherwise from a rate-limited full comparison against the index
 * of announced keywords (RFC 7162 §3.1, §3.2).
 */
final class FolderSync {

    private static final Logger log = LoggerFactory.getLogger(FolderSync.class);

    /** New messages announced between two cursor writes: what a crash may announce twice (issue 18, P2). */
    static final int SETTLE_EVERY = 2_000;

    private final AccountId accountId;
    private final RemoteFolder folder;
    private final SyncContext with;
    private final FolderEvents announce;
    private final FolderRebuild rebuild;
    private FolderCursor cursor;
    private FolderIndex index;
    private Instant lastFullCompare = Instant.MIN;
    private boolean staleRetired;

    FolderSync(AccountId accountId, Origin origin, RemoteFolder folder, SyncContext with) {
        this(accountId, origin, folder, with, false);
    }

    /** @param storeBodies the account keeps raw messages in the content store (claim check) */
    FolderSync(AccountId accountId, Origin origin, RemoteFolder folder, SyncContext with, boolean storeBodies) {
        this.accountId = accountId;
        this.folder = folder;
        this.with = with;
        this.announce = new FolderEvents(accountId, origin, folder, with, storeBodies);
        this.rebuild = new FolderRebuild(accountId, origin, folder, with);
        this.cursor = rebuild.startingCursor();
        this.index = new FolderIndex(with.cursors().loadIndex(accountId, folder.name(), cursor.uidValidity()));
    }

    /** What changed since the last call; returns how many events it published. */
    int sync() {
        return announceNew() + retireStaleUids() + reconcileFlags();
    }

    /** How long the folder may wait before a due full comparison (no limit where QRESYNC reports everything). */
    Duration untilFullCompare() {
        if (folder.condstore() && folder.qresync()) {
            return Duration.ofDays(1);
        }
        Duration left = Duration.between(with.clock().instant(), lastFullCompare.plus(with.settings().fullCompareEvery()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * Writes a device's flag change back, then reads the message's flags. Only what the command asked for is the
     * device's (issue 15): its part is announced with the device as origin (an echo sync-service already applied);
     * any other difference — another IMAP client's change the fetcher had not announced yet — is the server's and is
     * announced as such, first: both carry the same modseq, and a consumer drops an event no newer than the last.
     */
    void apply(SetFlags command) {
        MessageLocator at = command.locator();
        if (at.isPop3() || !folder.name().equals(at.folder()) || at.uidValidity() != cursor.uidValidity().value()) {
            log.info("account {}: SetFlags {} is for {}, not {}@{}: skipped", accountId, command.commandId(),
                    at.key(), folder.name(), cursor.uidValidity().value());
            return;
        }
        Uid uid = new Uid(at.uid());
        Set<Keyword> add = Wire.keywordsOf(command.add());
        Set<Keyword> remove = Wire.keywordsOf(command.remove());
        ModSeq unchangedSince = folder.condstore() && command.unchangedSince() != null
                ? ModSeq.of(command.unchangedSince()) : null;
        boolean applied = folder.store(uid, add, remove, unchangedSince);
        Optional<FlagState> now = folder.flagsOf(uid);
        if (now.isEmpty() || !index.knows(uid)) {
            return; // gone, or not announced yet: the next sync reports it
        }
        Set<Keyword> before = index.keywordsOf(uid);
        // what the server would show had nobody else touched the message: the announced flags plus the command
        Set<Keyword> expected = new HashSet<>(before);
        if (applied) {
            expected.removeAll(remove);
            expected.addAll(add);
        }
        FlagChange device = FlagChange.between(uid, before, expected, now.get().modSeq());
        FlagChange server = FlagChange.between(uid, expected, now.get().keywords(), now.get().modSeq());
        List<MailEvent> events = new ArrayList<>(2);
        if (!server.isEmpty()) {
            events.add(announce.flagsChanged(server, Origin.server(), cursor));
        }
        if (!device.isEmpty()) {
            events.add(announce.flagsChanged(new FlagChange(uid, device.added(), device.removed(),
                    now.get().keywords(), now.get().modSeq()), command.origin(), cursor));
        }
        if (events.isEmpty()) {
            return;
        }
        with.publisher().publish(events);
        index.put(uid, now.get().keywords());
        with.cursors().updateIndex(accountId, folder.name(), cursor.uidValidity(), Map.of(uid, now.get().keywords()),
                List.of());
    }

    /**
     * Reads batch after batch ({@link ImportOrder}: a large backlog newest batch first) while the ones before travel
     * to the broker ({@link OrderedSends}); every {@link #SETTLE_EVERY} messages the ones read so far are settled —
     * acknowledgements awaited, then the index and the cursor written — in the background while reading goes on
     * ({@link Settling}); the last one before this returns.
     */
    private int announceNew() {
        int announced = 0;
        ImportOrder order = new ImportOrder(folder, cursor.uidNext(), with.settings().batchSize());
        OrderedSends sends = new OrderedSends(with.publisher());
        Map<Uid, Set<Keyword>> unsettled = new HashMap<>();
        Settling settling = new Settling(with.cursors(), accountId, folder.name());
        while (true) {
            List<MessageSummary> batch = order.next();
            if (!batch.isEmpty()) {
                sends.send(batch.stream().map(m -> announce.arrived(m, cursor)).toList());
                batch.forEach(m -> unsettled.put(m.uid(), m.keywords()));
                announced += batch.size();
            }
            boolean last = order.done();
            if (!unsettled.isEmpty() && (last || unsettled.size() >= SETTLE_EVERY)) {
                settled(settling);
                settling.start(sends.taken(), Map.copyOf(unsettled), cursor.advancedTo(order.readBelow(), null));
                unsettled.clear();
            }
            if (last) {
                settled(settling);
                return announced;
            }
        }
    }

    private void settled(Settling settling) {
        Settling.Settled settled = settling.joined();
        if (settled != null) {
            cursor = settled.cursor();
            settled.keywords().forEach(index::put);
        }
    }

    /** Checked once per connection, so a rebuild cut short is finished later. */
    private int retireStaleUids() {
        if (staleRetired) {
            return 0;
        }
        // sync() calls this right after announceNew() reached the end of the folder: the rebuild is complete
        int retired = rebuild.retireStaleUids(cursor.uidValidity());
        staleRetired = true;
        return retired;
    }

    private int reconcileFlags() {
        if (index.size() == 0) {
            // nothing to compare is a comparison done: without this an empty folder on a server without
            // CONDSTORE looks "due" forever and the session spins through 1 ms waits (found by the P3 benchmark)
            lastFullCompare = with.clock().instant();
            return 0;
        }
        ServerChanges changes;
        if (folder.condstore() && cursor.highestModSeq() != null && !fullCompareDue(folder.qresync())) {
            changes = folder.changedSince(cursor.highestModSeq(), cursor.uidNext());
        } else if (fullCompareDue(false)) {
            changes = folder.allFlags(cursor.uidNext());
            lastFullCompare = with.clock().instant();
        } else {
            return 0;
        }
        FolderIndex.Reconciliation found = index.reconcile(changes);
        List<MailEvent> events = new ArrayList<>();
        found.changed().forEach(c -> events.add(announce.flagsChanged(c, Origin.server(), cursor)));
        found.expunged().forEach(uid -> events.add(announce.expunged(uid, cursor)));
        if (!events.isEmpty()) {
            with.publisher().publish(events);
            Map<Uid, Set<Keyword>> put = new HashMap<>();
            found.changed().forEach(c -> {
                index.put(c.uid(), c.current());
                put.put(c.uid(), c.current());
            });
            found.expunged().forEach(index::remove);
            with.cursors().updateIndex(accountId, folder.name(), cursor.uidValidity(), put, found.expunged());
        }
        ModSeq highest = changes.states().stream().map(FlagState::modSeq).filter(Objects::nonNull)
                .max(ModSeq::compareTo).orElse(null);
        if (cursor.highestModSeq() == null && folder.highestModSeq() != null) {
            highest = highest == null || folder.highestModSeq().isAfter(highest) ? folder.highestModSeq() : highest;
        }
        if (highest != null && !highest.equals(cursor.highestModSeq())) {
            cursor = cursor.advancedTo(cursor.uidNext(), highest);
            with.cursors().save(accountId, cursor);
        }
        return events.size();
    }

    /** A full comparison is due where nothing cheaper reports everything, at most once per interval. */
    private boolean fullCompareDue(boolean cheaperSuffices) {
        return !cheaperSuffices && untilFullCompare().isZero();
    }
}
