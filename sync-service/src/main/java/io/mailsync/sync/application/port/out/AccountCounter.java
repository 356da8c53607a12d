package io.mailsync.sync.application.port.out;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.domain.SyncState;
import java.util.Optional;

/** One atomic counter document per account: the reset epoch, the last modseq and how far the change log was pruned. */
public interface AccountCounter {

    /** The account's state now (epoch 1, modseq 0 for an account that never changed). */
    Snapshot current(AccountId accountId);

    /** Advances the account's modseq by one, atomically, and returns the new state. */
    SyncState next(AccountId accountId);

    /**
     * Advances the account's modseq by {@code count} in one atomic step (a batch of changes) and returns the new
     * state: the modseqs {@code state.modseq() - count + 1 .. state.modseq()} are the caller's.
     */
    SyncState reserve(AccountId accountId, int count);

    /**
     * Starts a new epoch for the folder reset named {@code resetKey}: every earlier state becomes unusable.
     * Empty when that reset was already applied (a replayed event).
     */
    Optional<SyncState> newEpoch(AccountId accountId, String resetKey);

    /** Records that change-log entries up to {@code modseq} are (about to be) removed. */
    void prunedThrough(AccountId accountId, ModSeq modseq);

    void delete(AccountId accountId);

    record Snapshot(SyncState state, long prunedThrough) {
    }
}
