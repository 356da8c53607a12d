package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.application.port.out.ChangeLog;
import io.mailsync.sync.application.port.out.DeviceStore;
import io.mailsync.sync.domain.ChangeEntry;
import io.mailsync.sync.domain.ChangeSet;
import io.mailsync.sync.domain.SyncState;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** "What changed since state S" (RFC 8620 §5.2), or 410 when S is older than the retained log or a reset. */
public class GetChanges {

    private static final int BATCH = 500;

    private final AccountAccess access;
    private final AccountCounter counter;
    private final ChangeLog changeLog;
    private final DeviceStore devices;
    private final SyncSettings settings;
    private final Clock clock;

    public GetChanges(AccountAccess access, AccountCounter counter, ChangeLog changeLog, DeviceStore devices,
                      SyncSettings settings, Clock clock) {
        this.access = access;
        this.counter = counter;
        this.changeLog = changeLog;
        this.devices = devices;
        this.settings = settings;
        this.clock = clock;
    }

    public Changes since(Caller caller, AccountId accountId, String since, Integer maxChanges, DeviceId deviceId) {
        access.require(caller, accountId);
        if (since == null) {
            throw new IllegalArgumentException("since is the state of a previous response");
        }
        SyncState old = SyncState.parse(since);
        int max = maxChanges == null ? settings.maxChanges() : maxChanges;
        if (max < 1 || max > settings.maxChanges()) {
            throw new IllegalArgumentException("maxChanges is 1 to " + settings.maxChanges());
        }
        if (deviceId != null) {
            devices.find(accountId, deviceId).orElseThrow(() -> SyncProblems.unknownDevice(deviceId.value()));
        }
        AccountCounter.Snapshot now = counter.current(accountId);
        // the counter's state: every change up to it is written; modseqs above it are still being written
        SyncState current = old.modseq() > now.state().modseq() && old.modseq() <= now.issued()
                ? new SyncState(now.state().epoch(), old.modseq()) : now.state();
        if (old.epoch() < current.epoch()) {
            throw new SyncProblems.StateGone("state " + since + " is from before a mailbox reset; fetch the messages again");
        }
        if (old.epoch() > current.epoch() || old.modseq() > current.modseq()) {
            throw new IllegalArgumentException("state " + since + " was not issued for this account");
        }
        if (old.modseq() < now.prunedThrough() || expired(accountId, old.modseq(), current.modseq())) {
            throw new SyncProblems.StateGone("state " + since + " is older than the retained change log ("
                    + settings.changeRetention().toDays() + " days); fetch the messages again");
        }
        ChangeSet.Collector collector = new ChangeSet.Collector(old.modseq(), current.modseq(), max);
        long after = old.modseq();
        long complete = old.modseq(); // every modseq up to here has its entry
        boolean gap = false;
        // a reservation whose writer died stops holding the state after the write window; an entry it never wrote
        // is passed over then, but a gap followed by an entry written within the window is still being written
        Instant writing = clock.instant().minus(AccountCounter.WRITE_WINDOW);
        while (!collector.full() && !gap) {
            List<ChangeEntry> batch = changeLog.read(accountId, ModSeq.of(after), ModSeq.of(current.modseq()),
                    BATCH);
            for (ChangeEntry entry : batch) {
                if (entry.modseq() > complete + 1 && entry.at().isAfter(writing)) {
                    gap = true; // modseqs handed out, entries still being written: stop before them
                    break;
                }
                if (!entry.visibleTo(caller.customerId())) {
                    complete = entry.modseq(); // another person's own read state (issue 23): not this caller's change
                    continue;
                }
                if (!collector.add(entry)) {
                    break;
                }
                complete = entry.modseq();
            }
            if (batch.size() < BATCH) {
                break;
            }
            after = batch.getLast().modseq();
        }
        ChangeSet set = collector.result();
        if (!set.hasMoreChanges() && complete < set.upToModseq()) {
            // the counter is ahead of the log (a batch reserved its modseqs and is writing their entries): answering
            // the counter's state would skip those changes for good, so answer the last state the log covers
            set = new ChangeSet(set.created(), set.updated(), set.destroyed(), complete, false);
        }
        if (deviceId != null) {
            devices.acknowledge(accountId, deviceId, since);
            devices.delivered(accountId, deviceId, set.created().stream().map(MessageId::of).toList(), clock.instant());
        }
        return new Changes(accountId, old, new SyncState(current.epoch(), set.upToModseq()), set);
    }

    /** The first change after the client's state fell out of the retention window: it can no longer be trusted. */
    private boolean expired(AccountId accountId, long since, long upTo) {
        if (since == upTo) {
            return false;
        }
        Instant cutoff = clock.instant().minus(settings.changeRetention());
        Optional<ChangeEntry> first = changeLog.firstAfter(accountId, ModSeq.of(since));
        return first.isPresent() && first.get().at().isBefore(cutoff);
    }

    public record Changes(AccountId accountId, SyncState oldState, SyncState newState, ChangeSet changes) {
    }
}
