package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.MessageId;
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
 * over-reports (allowed by RFC 8620 §5.2) and never under-reports; and the modseq holds the account's state below it
 * until the message is written ({@link AccountCounter#written}), so no listing claims a change it does not show.
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
     * Returns the state to give the caller if the write happened (its own modseq, or below while another writer is
     * still at work), empty if a concurrent writer won and the caller should re-read.
     */
    public Optional<SyncState> record(AccountId account, MessageId messageId, ChangeKind kind, LongPredicate write) {
        AccountCounter.Reservation reservation = counter.reserve(account, 1);
        long modseq = reservation.upTo();
        boolean written = false;
        SyncState state;
        try {
            Optional<Actor> actor = Actor.current(); // issue 23: who did it, for the owner's audit trail
            changeLog.append(account, new ChangeEntry(modseq, messageId.value(), kind, clock.instant(),
                    actor.map(Actor::person).orElse(null), actor.map(Actor::device).orElse(null), false));
            written = write.test(modseq);
        } finally {
            state = counter.written(account, reservation); // also when the write lost or failed: the log over-reports
        }
        if (!written) {
            return Optional.empty();
        }
        statePublisher.stateAdvanced(account, state);
        return Optional.of(state);
    }

    public void announce(AccountId accountId, SyncState state) {
        statePublisher.stateAdvanced(accountId, state);
    }
}
