package io.mailsync.sync.application.fake;

import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.AccountStore;
import io.mailsync.sync.domain.Account;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class InMemoryAccountStore implements AccountStore {

    private final Map<String, Account> accounts = new LinkedHashMap<>();

    @Override
    public synchronized boolean insert(Account account) {
        boolean duplicate = accounts.values().stream().anyMatch(a -> a.customerId().equals(account.customerId())
                && a.spec().protocol() == account.spec().protocol() && a.spec().host().equalsIgnoreCase(account.spec().host())
                && a.spec().port() == account.spec().port() && a.spec().username().equals(account.spec().username()));
        return !duplicate && accounts.putIfAbsent(account.accountId().value(), account) == null;
    }

    @Override
    public synchronized Optional<Account> find(AccountId accountId) {
        return Optional.ofNullable(accounts.get(accountId.value()));
    }

    @Override
    public synchronized List<Account> findByCustomer(String customerId) {
        return accounts.values().stream().filter(a -> a.customerId().equals(customerId)).toList();
    }

    @Override
    public synchronized List<Account> page(AccountId afterAccountId, int limit) {
        return accounts.keySet().stream().sorted()
                .filter(id -> afterAccountId == null || id.compareTo(afterAccountId.value()) > 0)
                .limit(limit).map(accounts::get).toList();
    }

    @Override
    public synchronized boolean delete(AccountId accountId) {
        return accounts.remove(accountId.value()) != null;
    }

    @Override
    public synchronized long raiseOwnerEpoch(AccountId accountId, long epoch) {
        Account a = accounts.get(accountId.value());
        if (a == null) {
            return 0;
        }
        long newest = a.ownerEpoch() == null ? epoch : Math.max(a.ownerEpoch(), epoch);
        accounts.put(accountId.value(), new Account(a.spec(), a.status(), a.statusReason(), a.statusAt(), a.createdAt(),
                newest));
        return newest;
    }

    @Override
    public synchronized boolean replaceSecret(AccountId accountId, String expected, String encryptedSecret,
                                              Instant at) {
        Account a = accounts.get(accountId.value());
        if (a == null || expected != null && !expected.equals(a.spec().encryptedSecret())) {
            return false;
        }
        accounts.put(accountId.value(), new Account(a.spec().withSecret(encryptedSecret, at), a.status(),
                a.statusReason(), a.statusAt(), a.createdAt(), a.ownerEpoch()));
        return true;
    }

    @Override
    public synchronized void updateStatus(AccountId accountId, String status, String reason, Instant at) {
        Account a = accounts.get(accountId.value());
        if (a != null && (a.statusAt() == null || !at.isBefore(a.statusAt()))) {
            accounts.put(accountId.value(), new Account(a.spec(), status, reason, at, a.createdAt(), a.ownerEpoch()));
        }
    }
}
