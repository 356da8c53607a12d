package io.mailsync.testkit.builders;

import io.mailsync.events.Origin;
import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.UUID;

/** What every {@code MailEvent} carries: a fresh id, now, an account, and who caused it (a fetcher session). */
public abstract class EventBuilder<B extends EventBuilder<B>> {

    protected UUID eventId = UUID.randomUUID();
    protected Instant occurredAt = Instant.now();
    protected AccountId accountId = AccountId.of("account-" + UUID.randomUUID());
    protected Origin origin = Origin.session("fetcher-test");

    public B forAccount(AccountId accountId) {
        this.accountId = accountId;
        return self();
    }

    public B forAccount(String accountId) {
        return forAccount(AccountId.of(accountId));
    }

    public B withEventId(UUID eventId) {
        this.eventId = eventId;
        return self();
    }

    public B occurredAt(Instant occurredAt) {
        this.occurredAt = occurredAt;
        return self();
    }

    public B causedBy(Origin origin) {
        this.origin = origin;
        return self();
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
