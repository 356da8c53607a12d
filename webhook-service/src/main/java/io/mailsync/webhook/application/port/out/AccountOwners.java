package io.mailsync.webhook.application.port.out;

import io.mailsync.events.mail.AccountId;
import java.util.Optional;
import java.util.Set;

/**
 * Which customer owns an account, and who else may read it (issue 23: people it is shared with by a grant with
 * {@code read}), as the compacted accounts topic last said.
 */
public interface AccountOwners {

    /**
     * The account's owner and readers, in one read (every event fans out by both, and every delivery checks both).
     *
     * @param customerId the owner
     * @param readers people other than the owner who may read the account
     */
    record Holders(String customerId, Set<String> readers) {

        public Holders {
            readers = Set.copyOf(readers);
        }

        public boolean mayRead(String customer) {
            return customerId.equals(customer) || readers.contains(customer);
        }
    }

    /** Empty for an account nobody owns (yet, or any more). */
    Optional<Holders> holdersOf(AccountId account);

    default Optional<String> ownerOf(AccountId account) {
        return holdersOf(account).map(Holders::customerId);
    }

    /** People other than the owner who may read the account; none for an unknown one. */
    default Set<String> readersOf(AccountId account) {
        return holdersOf(account).map(Holders::readers).orElse(Set.of());
    }

    default void record(AccountId account, String customerId) {
        record(account, customerId, Set.of());
    }

    void record(AccountId account, String customerId, Set<String> readers);

    void forget(AccountId account);
}
