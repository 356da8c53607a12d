package io.mailsync.testkit.builders;

import io.mailsync.events.AccountStatusChanged;
import io.mailsync.events.AccountStatusChanged.Status;
import io.mailsync.events.mail.AccountId;

/** {@code anAccountStatusChange().forAccount(id).to(Status.AUTH_FAILED, "wrong password").build()}. */
public final class AccountStatusChangedBuilder extends EventBuilder<AccountStatusChangedBuilder> {

    private Status status = Status.IDLE;
    private String reason;

    private AccountStatusChangedBuilder() {
    }

    public static AccountStatusChangedBuilder anAccountStatusChange() {
        return new AccountStatusChangedBuilder();
    }

    public AccountStatusChangedBuilder to(Status status, String reason) {
        this.status = status;
        this.reason = reason;
        return this;
    }

    public AccountStatusChanged build() {
        return new AccountStatusChanged(eventId, occurredAt, accountId, origin, status, reason);
    }
}
