package io.mailsync.sync.domain;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.Objects;

/**
 * A registered mailbox: its latest spec (secret only ever encrypted) and the fetcher's last reported status.
 *
 * @param status {@code PENDING} until the fetcher reports, then an {@code AccountStatusChanged} status name
 * @param ownerEpoch the newest fetcher owner epoch seen on the account's events (issue 15); null: none yet
 */
public record Account(AccountSpec spec, String status, String statusReason, Instant statusAt, Instant createdAt,
                      Long ownerEpoch) {

    public static final String PENDING = "PENDING";

    public Account {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public Account(AccountSpec spec, String status, String statusReason, Instant statusAt, Instant createdAt) {
        this(spec, status, statusReason, statusAt, createdAt, null);
    }

    public AccountId accountId() {
        return spec.accountId();
    }

    public String customerId() {
        return spec.customerId();
    }

    public boolean isPop3() {
        return spec.protocol() == AccountSpec.Protocol.POP3;
    }
}
