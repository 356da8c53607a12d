package io.mailsync.quota.application;

import io.mailsync.events.mail.AccountId;
import java.util.Objects;

/**
 * What quota-service knows of a provisioned mailbox (from {@code mail.accounts}); limits may be null, and so may the
 * plan (its warning levels), which then is the default plan.
 */
public record QuotaAccount(AccountId accountId, String customerId, String contactAddress, Long limitBytes,
                           Long limitMessages, String plan) {

    public QuotaAccount(AccountId accountId, String customerId, String contactAddress, Long limitBytes,
                        Long limitMessages) {
        this(accountId, customerId, contactAddress, limitBytes, limitMessages, null);
    }

    public QuotaAccount {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(customerId, "customerId");
    }
}
