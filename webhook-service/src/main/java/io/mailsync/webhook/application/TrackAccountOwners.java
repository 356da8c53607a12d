package io.mailsync.webhook.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.webhook.application.port.out.AccountOwners;
import java.util.Optional;
import java.util.Set;

/** Keeps who owns which account, from the accounts topic: the fan-out sends an event only to its owner's subscriptions. */
public final class TrackAccountOwners {

    private final AccountOwners owners;

    public TrackAccountOwners(AccountOwners owners) {
        this.owners = owners;
    }

    /**
     * {@code owner} empty: the account was removed. With the people the account is shared with to read (issue 23);
     * a revoked person is no longer among them.
     */
    public void apply(AccountId account, Optional<String> owner, Set<String> readers) {
        owner.ifPresentOrElse(customer -> owners.record(account, customer, readers), () -> owners.forget(account));
    }
}
