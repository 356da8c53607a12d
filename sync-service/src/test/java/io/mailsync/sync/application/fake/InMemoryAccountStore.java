package io.mailsync.sync.application.fake;

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
        return !duplicate && accounts.putIfAbsent(account.accountId(), account) == null;
    }

    @Override
    public synchronized Optional<Account> find(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    @Override
    public synchronized List<Account> findByCustomer(String customerId) {
        return accounts.values().stream().filter(a -> a.customerId().equals(customerId)).toList();
    }

    @Override
    public synchronized List<Account> page(String afterAccountId, int limit) {
        return accounts.keySet().stream().sorted().filter(id -> afterAccountId == null || id.compareTo(afterAccountId) > 0)
                .limit(limit).map(accounts::get).toList();
    }

    @Override
    public synchronized boolean delete(String accountId) {
        return accounts.remove(accountId) != null;
    }

    @Override
    public synchronized long raiseOwnerEpoch(String accountId, long epoch) {
        Account a = accounts.get(accountId);
        if (a == null) {
            return 0;
        }
        long newest = a.ownerEpoch() == null ? epoch : Math.max(a.ownerEpoch(), epoch);
        accounts.put(accountId, new Account(a.spec(), a.status(), a.statusReason(), a.statusAt(), a.createdAt(), newest));
        return newest;
    }

    @Override
    public synchronized boolean replaceSecret(String accountId, String expected, String encryptedSecret, Instant at) {
        Account a = accounts.get(accountId);
        if (a == null || expected != null && !expected.equals(a.spec().encryptedSecret())) {
            return false;
        }
        accounts.put(accountId, new Account(a.spec().withSecret(encryptedSecret, at), a.status(), a.statusReason(),
                a.statusAt(), a.createdAt(), a.ownerEpoch()));
        return true;
    }

    @Override
    public synchronized void updateStatus(String accountId, String status, String reason, Instant at) {
        Account a = accounts.get(accountId);
        if (a != null && (a.statusAt() == null || !at.isBefore(a.statusAt()))) {
            accounts.put(accountId, new Account(a.spec(), status, reason, at, a.createdAt(), a.ownerEpoch()));
        }
    }
}
