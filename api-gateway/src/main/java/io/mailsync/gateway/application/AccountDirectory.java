package io.mailsync.gateway.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.gateway.domain.Tenancy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which customer owns which account, and who else it is shared with (issue 23), as the compacted accounts topic
 * says. Every gateway instance keeps all of it in memory (an account is a few dozen bytes), rebuilt by reading the
 * topic from the start.
 */
public final class AccountDirectory {

    private final Map<AccountId, Tenancy> byAccount = new ConcurrentHashMap<>();

    public void registered(AccountId accountId, String customerId) {
        registered(accountId, Tenancy.ownedBy(customerId));
    }

    public void registered(AccountId accountId, Tenancy tenancy) {
        byAccount.put(accountId, tenancy);
    }

    public void removed(AccountId accountId) {
        byAccount.remove(accountId);
    }

    public Optional<String> ownerOf(AccountId accountId) {
        return tenancyOf(accountId).map(Tenancy::owner);
    }

    public Optional<Tenancy> tenancyOf(AccountId accountId) {
        return Optional.ofNullable(byAccount.get(accountId));
    }

    public int size() {
        return byAccount.size();
    }
}
