package io.mailsync.sync.application.port.out;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.domain.SyncState;
import java.time.Duration;
import java.util.Optional;

/**
 * One atomic counter document per account: the reset epoch, the modseqs handed out, those still being written, and
 * how far the change log was pruned.
 *
 * <p>A change gets its modseq before it is written (the log entry and the message carry it), so "the highest modseq
 * handed out" is not a state a client may be given: a listing read while a batch is still writing its messages would
 * show them as they were, labelled with a state that claims them, and {@code /changes} from that state would skip
 * them for good (issue 15). Each {@link #reserve} therefore stays open until {@link #written}, and {@link #current}
 * answers the state below the oldest open one.
 */
public interface AccountCounter {

    /** A reservation open this long is a writer that died holding it: it no longer holds the state back. */
    Duration WRITE_WINDOW = Duration.ofSeconds(30);

    /**
     * The account's state now: every change up to {@code state.modseq()} is written (epoch 1, modseq 0 for an
     * account that never changed); {@code issued} is the highest modseq handed out.
     */
    Snapshot current(AccountId accountId);

    /**
     * Hands out {@code count} modseqs in one atomic step, {@code from .. upTo}; until {@link #written} they hold back
     * the state {@link #current} answers.
     */
    Reservation reserve(AccountId accountId, int count);

    /**
     * The reservation's changes are written (or given up): it no longer holds the state back. Returns the state
     * {@link #current} answers now — the one to announce, which may be below the reservation's own while another
     * writer is still at work.
     */
    SyncState written(AccountId accountId, Reservation reservation);

    /**
     * Starts a new epoch for the folder reset named {@code resetKey}: every earlier state becomes unusable.
     * Empty when that reset was already applied (a replayed event).
     */
    Optional<SyncState> newEpoch(AccountId accountId, String resetKey);

    /** Records that change-log entries up to {@code modseq} are (about to be) removed. */
    void prunedThrough(AccountId accountId, ModSeq modseq);

    void delete(AccountId accountId);

    /** {@code issued} ≥ {@code state.modseq()}: the modseqs above the state are still being written. */
    record Snapshot(SyncState state, long issued, long prunedThrough) {
    }

    /** The modseqs {@code from .. upTo} of epoch {@code epoch}, the caller's to write. */
    record Reservation(long epoch, long from, long upTo) {

        public Reservation {
            if (from < 1 || upTo < from) {
                throw new IllegalArgumentException("a reservation is at least one modseq, from 1 on");
            }
        }

        /** The state once all of the reservation is written (and nothing before it is still being written). */
        public SyncState state() {
            return new SyncState(epoch, upTo);
        }
    }
}
