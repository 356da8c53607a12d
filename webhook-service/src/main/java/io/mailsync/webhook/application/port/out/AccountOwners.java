package io.mailsync.webhook.application.port.out;

import io.mailsync.events.mail.AccountId;
import java.util.Optional;
import java.util.Set;

/**
 * Which customer owns an account, and who else may read it (issue 23: people it is shared with by a grant with
 * {@code read}), as the compacted accounts topic last said.
 */
public interface AccountOwners {

    Optional<String> ownerOf(AccountId account);

    /** People other than the owner who may read the account; none for an unknown one. */
    Set<String> readersOf(AccountId account);

    default void record(AccountId account, String customerId) {
        record(account, customerId, Set.of());
    }

    void record(AccountId account, String customerId, Set<String> readers);

    void forget(AccountId account);
}
