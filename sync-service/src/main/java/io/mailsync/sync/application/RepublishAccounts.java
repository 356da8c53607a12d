package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.AccountPublisher;
import io.mailsync.sync.application.port.out.AccountStore;
import io.mailsync.sync.domain.Account;
import java.util.List;

/**
 * Publishes every registered account's spec to the accounts topic again. The topic is the fetchers' source of
 * truth and is compacted, so this is idempotent; it matters where the broker lost the topic but MongoDB kept the
 * registry (devstack's embedded Kafka starts empty): without it no session would ever reopen.
 */
public class RepublishAccounts {

    private static final int PAGE = 500;

    private final AccountStore accounts;
    private final AccountPublisher publisher;

    public RepublishAccounts(AccountStore accounts, AccountPublisher publisher) {
        this.accounts = accounts;
        this.publisher = publisher;
    }

    /** Returns how many accounts were published. */
    public int republishAll() {
        int published = 0;
        AccountId after = null;
        List<Account> page;
        do {
            page = accounts.page(after, PAGE);
            for (Account account : page) {
                publisher.publish(account.spec());
                published++;
            }
            after = page.isEmpty() ? after : AccountId.of(page.getLast().accountId());
        } while (page.size() == PAGE);
        return published;
    }
}
