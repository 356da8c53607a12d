package io.mailsync.sync.application;

import io.mailsync.sync.application.port.out.AccountStore;
import io.mailsync.sync.domain.Account;
import java.util.List;

/** The accounts a caller sees: its own; an admin names the customer to see another's. */
public class FindAccounts {

    private final AccountStore accounts;

    public FindAccounts(AccountStore accounts) {
        this.accounts = accounts;
    }

    public List<Account> visibleTo(Caller caller, String customerId) {
        if (customerId != null && !customerId.equals(caller.customerId())) {
            return caller.admin() ? accounts.findByCustomer(customerId) : List.of();
        }
        return accounts.findByCustomer(caller.customerId());
    }
}
