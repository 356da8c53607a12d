package io.mailsync.sync.application;

import io.mailsync.sync.application.port.out.AccountGrants;
import io.mailsync.sync.application.port.out.AccountStore;
import io.mailsync.sync.domain.Account;
import java.util.List;
import java.util.stream.Stream;

/**
 * The accounts a caller sees: its own, then those shared with it (issue 23); an admin names the customer to see
 * another's.
 */
public class FindAccounts {

    private final AccountStore accounts;
    private final AccountGrants grants;

    public FindAccounts(AccountStore accounts, AccountGrants grants) {
        this.accounts = accounts;
        this.grants = grants;
    }

    public List<Account> visibleTo(Caller caller, String customerId) {
        String customer = customerId == null ? caller.customerId() : customerId;
        if (!customer.equals(caller.customerId()) && !caller.admin()) {
            return List.of();
        }
        return Stream.concat(accounts.findByCustomer(customer).stream(), grants.sharedWith(customer).stream())
                .toList();
    }
}
