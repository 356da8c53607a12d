package io.mailsync.fetcher.application.port.out;

import io.mailsync.events.mail.AccountId;

/**
 * The owner epoch (fencing token) of every account, kept in the fetchers' shared store (issue 15, ADR 0007). A
 * session takes the next epoch when it opens an account Kafka assigned to its fetcher; the newest epoch taken is the
 * only one allowed to write the account's cursors, so a stale owner — paused, cut off from Kafka, slow to let go —
 * finds out at its next write and stops. Epochs only grow, across every fetcher and every re-registration.
 */
public interface OwnerEpochs {

    /** Takes the account's next epoch for {@code owner} (an atomic increment): from now on older epochs are stale. */
    long take(AccountId accountId, String owner);

    /**
     * Takes the next epoch of each account at once (a takeover opens many; issue 15, R14): the same as {@link #take}
     * for each, in as few round trips as the store allows. Answers every account given.
     */
    default java.util.Map<AccountId, Long> takeAll(java.util.Collection<AccountId> accountIds, String owner) {
        java.util.Map<AccountId, Long> taken = new java.util.HashMap<>();
        accountIds.forEach(id -> taken.put(id, take(id, owner)));
        return taken;
    }

    /** Whether {@code epoch} is still the newest taken for the account. */
    boolean holds(AccountId accountId, long epoch);
}
