package io.mailsync.quota.application.port.out;

import io.mailsync.quota.application.QuotaAccount;
import java.util.List;
import java.util.Optional;

/** Provisioned accounts: limits, contact address, owner. */
public interface AccountStore {

    void save(QuotaAccount account);

    Optional<QuotaAccount> find(String accountId);

    void remove(String accountId);

    /** Up to {@code limit} account ids after {@code afterId} (null: from the start), in id order. */
    List<String> idsAfter(String afterId, int limit);
}
