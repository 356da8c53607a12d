package io.mailsync.sync.application;

import io.mailsync.events.MailEvent;
import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.AccountStore;
import io.mailsync.sync.domain.Account;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 15, ADR 0007: an account's events carry the owner epoch of the fetcher session that published them, and an
 * event whose epoch is older than the newest seen for the account is a stale owner's — paused, cut off, slow to let
 * go — and is ignored. The newest epoch is stored only once every event before it in the partition has been applied
 * (events are applied in partition order), so a replay skips nothing that was not applied already; an event without
 * an epoch (written before epochs existed) always applies.
 */
final class OwnerEpochGate {

    private static final Logger log = LoggerFactory.getLogger(OwnerEpochGate.class);

    private final AccountStore accounts;
    private final AccountId accountId;
    private long newest;

    OwnerEpochGate(AccountStore accounts, Account account) {
        this.accounts = accounts;
        this.accountId = account.accountId();
        this.newest = account.ownerEpoch() == null ? 0 : account.ownerEpoch();
    }

    /** Whether the event is a stale owner's and must be ignored. */
    boolean stale(MailEvent event) {
        Long epoch = event.ownerEpoch();
        if (epoch == null || epoch >= newest) {
            return false;
        }
        log.info("account {}: ignoring {} from owner epoch {} (newest {})", accountId,
                event.getClass().getSimpleName(), epoch, newest);
        return true;
    }

    /** Whether the event comes from a newer owner: call {@link #raise} once everything before it is applied. */
    boolean raises(MailEvent event) {
        return event.ownerEpoch() != null && event.ownerEpoch() > newest;
    }

    void raise(MailEvent event) {
        newest = Math.max(newest, accounts.raiseOwnerEpoch(accountId, event.ownerEpoch()));
    }
}
