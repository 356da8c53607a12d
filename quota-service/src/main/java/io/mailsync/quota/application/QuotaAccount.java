package io.mailsync.quota.application;

import io.mailsync.events.mail.AccountId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What quota-service knows of a provisioned mailbox (from {@code mail.accounts}); limits may be null, and so may the
 * plan (its warning levels), which then is the default plan. A mailbox shared with other people (issue 23) names
 * those who may read it ({@code readers}: they may see its quota) and the contact addresses its grants set
 * ({@code grantContacts}: their notices go there too — a grant without one is how a person is left out).
 */
public record QuotaAccount(AccountId accountId, String customerId, String contactAddress, Long limitBytes,
                           Long limitMessages, String plan, Set<String> readers, List<String> grantContacts) {

    public QuotaAccount(AccountId accountId, String customerId, String contactAddress, Long limitBytes,
                        Long limitMessages, String plan) {
        this(accountId, customerId, contactAddress, limitBytes, limitMessages, plan, Set.of(), List.of());
    }

    public QuotaAccount(AccountId accountId, String customerId, String contactAddress, Long limitBytes,
                        Long limitMessages) {
        this(accountId, customerId, contactAddress, limitBytes, limitMessages, null);
    }

    public QuotaAccount {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(customerId, "customerId");
        readers = readers == null ? Set.of() : Set.copyOf(readers);
        grantContacts = grantContacts == null ? List.of() : List.copyOf(grantContacts);
    }

    /** Who a notice e-mail goes to: the owner's contact address first (if any), then each grant's, once each. */
    public List<String> recipients() {
        Set<String> all = new LinkedHashSet<>();
        if (contactAddress != null) {
            all.add(contactAddress);
        }
        all.addAll(grantContacts);
        return List.copyOf(all);
    }

    /** The owner, or a person the mailbox is shared with to read. */
    public boolean visibleTo(String customer) {
        return customerId.equals(customer) || readers.contains(customer);
    }
}
