package io.mailsync.quota.application;

import java.util.Objects;

/** What quota-service knows of a provisioned mailbox (from {@code mail.accounts}); limits may be null. */
public record QuotaAccount(String accountId, String customerId, String contactAddress, Long limitBytes,
                           Long limitMessages) {
    public QuotaAccount {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(customerId, "customerId");
    }
}
