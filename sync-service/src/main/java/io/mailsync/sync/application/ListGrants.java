package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.domain.Grant;
import java.util.List;
import java.util.Objects;

/** Who a mailbox is shared with and how (issue 23): its owner's question. */
public class ListGrants {

    private final AccountAccess access;

    public ListGrants(AccountAccess access) {
        this.access = access;
    }

    public List<Grant> list(Caller caller, AccountId accountId) {
        return access.require(caller, accountId).spec().grantsOrNone().stream().map(Grant::fromWire)
                .filter(Objects::nonNull).toList();
    }
}
