package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.application.port.out.ChangeLog;
import io.mailsync.sync.domain.ChangeEntry;
import java.util.List;

/**
 * Who changed what on a mailbox (issue 23): its change log, oldest first, each entry with the person and device that
 * made it (none: the mail server reported it). The owner's question only — a person it is shared with gets 403.
 * As far back as the change log is kept ({@code mailsync.sync.change-retention}, 30 days by default).
 */
public class ReadAuditTrail {

    public static final int MAX_LIMIT = 500;

    private final AccountAccess access;
    private final AccountCounter counter;
    private final ChangeLog changeLog;

    public ReadAuditTrail(AccountAccess access, AccountCounter counter, ChangeLog changeLog) {
        this.access = access;
        this.counter = counter;
        this.changeLog = changeLog;
    }

    /** Entries after modseq {@code after} (0: from the oldest kept), at most {@code limit}. */
    public Trail read(Caller caller, AccountId accountId, Long after, Integer limit) {
        access.require(caller, accountId);
        long from = after == null ? 0 : after;
        int size = limit == null ? 100 : limit;
        if (from < 0 || size < 1 || size > MAX_LIMIT) {
            throw new IllegalArgumentException("after is a modseq (0 or more); limit is 1 to " + MAX_LIMIT);
        }
        AccountId account = accountId;
        long upTo = counter.current(account).state().modseq();
        List<ChangeEntry> entries = from >= upTo ? List.of()
                : changeLog.read(account, ModSeq.of(from), ModSeq.of(upTo), size);
        Long next = entries.size() == size ? entries.getLast().modseq() : null;
        return new Trail(accountId.value(), entries, next);
    }

    /** {@code next}: the {@code after} of the following page; null when this is the last. */
    public record Trail(String accountId, List<ChangeEntry> entries, Long next) {
    }
}
