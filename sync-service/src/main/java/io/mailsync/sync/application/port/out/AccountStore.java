package io.mailsync.sync.application.port.out;

import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.domain.Account;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The account registry (system of record). */
public interface AccountStore {

    /** Inserts a new account; false when one with the same customer, protocol, host, port and username exists. */
    boolean insert(Account account);

    Optional<Account> find(AccountId accountId);

    List<Account> findByCustomer(String customerId);

    /** Every account in id order, a page at a time: those after {@code afterAccountId} (null: from the start). */
    List<Account> page(AccountId afterAccountId, int limit);

    boolean delete(AccountId accountId);

    /**
     * Stores the account's new credential and the time of the change, if its stored one is {@code expected} (null:
     * whatever it is); false when the account is gone or holds another.
     */
    boolean replaceSecret(AccountId accountId, String expected, String encryptedSecret, Instant at);

    /**
     * Raises the account's newest owner epoch to {@code epoch} unless a newer one is stored ({@code $max}, issue 15);
     * returns the newest stored afterwards (0 when the account is gone).
     */
    long raiseOwnerEpoch(AccountId accountId, long epoch);

    /** Records the fetcher's status unless a newer one is already stored. */
    void updateStatus(AccountId accountId, String status, String reason, Instant at);
}
