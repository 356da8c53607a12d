package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.application.port.out.ChangeLog;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Drops change-log entries older than the retention. The low-water mark is raised before the entries go, so a
 * client whose state points into the removed range gets 410, never an answer with holes.
 */
public class PruneChangeLog {

    private final ChangeLog changeLog;
    private final AccountCounter counter;
    private final SyncSettings settings;
    private final Clock clock;

    public PruneChangeLog(ChangeLog changeLog, AccountCounter counter, SyncSettings settings, Clock clock) {
        this.changeLog = changeLog;
        this.counter = counter;
        this.settings = settings;
        this.clock = clock;
    }

    public int prune() {
        Instant cutoff = clock.instant().minus(settings.changeRetention());
        Map<AccountId, ModSeq> highest = changeLog.highestOlderThan(cutoff);
        highest.forEach((accountId, modseq) -> {
            counter.prunedThrough(accountId, modseq);
            changeLog.deleteThrough(accountId, modseq);
        });
        return highest.size();
    }
}
