package io.mailsync.sync.application.port.out;

import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.domain.Account;
import io.mailsync.sync.domain.Grant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who else a mailbox is shared with (issue 23), kept on the account itself so the spec the registry publishes always
 * carries them. Each change answers the account as it is afterwards, to publish.
 */
public interface AccountGrants {

    /** Grants {@code grant} (replacing the person's earlier one); empty when the account is gone. */
    Optional<Account> grant(AccountId accountId, Grant grant, Instant at);

    /** Takes the person's grant away; empty when the account is gone. Revoking what was not granted changes nothing. */
    Optional<Account> revoke(AccountId accountId, String person, Instant at);

    /** Accounts shared with {@code person}, oldest first. */
    List<Account> sharedWith(String person);
}
