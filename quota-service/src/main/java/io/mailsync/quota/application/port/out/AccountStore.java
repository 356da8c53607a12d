package io.mailsync.quota.application.port.out;

import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.application.QuotaAccount;
import java.util.List;
import java.util.Optional;

/** Provisioned accounts: limits, contact address, owner. */
public interface AccountStore {

    void save(QuotaAccount account);

    Optional<QuotaAccount> find(AccountId accountId);

    void remove(AccountId accountId);

    /** Up to {@code limit} account ids after {@code afterId} (null: from the start), in id order. */
    List<AccountId> idsAfter(AccountId afterId, int limit);
}
