package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.application.port.out.ChangeLog;
import io.mailsync.sync.application.port.out.StatePublisher;
import io.mailsync.sync.domain.ChangeEntry;
import io.mailsync.sync.domain.ChangeKind;
import io.mailsync.sync.domain.SyncState;
import java.time.Clock;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * Stamps one change to a message with the account's next modseq. Without multi-document transactions the order is
 * what keeps {@code /changes} honest: the log entry is written before the message, so a crash in between
 * over-reports (allowed by RFC 8620 §5.2) and never under-reports.
 */
public class MessageChanges {

    /** How often a use case re-reads and retries when a concurrent writer got to the message first. */
    public static final int ATTEMPTS = 10;

    private final AccountCounter counter;
    private final ChangeLog changeLog;
    private final StatePublisher statePublisher;
    private final Clock clock;

    public MessageChanges(AccountCounter counter, ChangeLog changeLog, StatePublisher statePublisher, Clock clock) {
        this.counter = counter;
        this.changeLog = changeLog;
        this.statePublisher = statePublisher;
        this.clock = clock;
    }

    /**
     * Allocates a modseq, logs the change, then runs {@code write} with it (a conditional single-document update).
     * Returns the new state if the write happened, empty if a concurrent writer won and the caller should re-read.
     */
    public Optional<SyncState> record(String accountId, String messageId, ChangeKind kind, LongPredicate write) {
        AccountId account = AccountId.of(accountId);
        SyncState state = counter.next(account);
        changeLog.append(account, new ChangeEntry(state.modseq(), messageId, kind, clock.instant()));
        if (!write.test(state.modseq())) {
            return Optional.empty();
        }
        statePublisher.stateAdvanced(account, state);
        return Optional.of(state);
    }

    public void announce(String accountId, SyncState state) {
        statePublisher.stateAdvanced(AccountId.of(accountId), state);
    }
}
