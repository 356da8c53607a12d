package io.mailsync.webhook.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.webhook.application.port.out.AccountOwners;
import java.util.Optional;

/** Keeps who owns which account, from the accounts topic: the fan-out sends an event only to its owner's subscriptions. */
public final class TrackAccountOwners {

    private final AccountOwners owners;

    public TrackAccountOwners(AccountOwners owners) {
        this.owners = owners;
    }

    /** {@code owner} empty: the account was removed. */
    public void apply(AccountId account, Optional<String> owner) {
        owner.ifPresentOrElse(customer -> owners.record(account, customer), () -> owners.forget(account));
    }
}
