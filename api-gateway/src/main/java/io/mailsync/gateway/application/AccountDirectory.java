package io.mailsync.gateway.application;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which customer owns which account, as the compacted accounts topic says. Every gateway instance keeps all of it
 * in memory (an account is a few dozen bytes), rebuilt by reading the topic from the start.
 */
public final class AccountDirectory {

    private final Map<String, String> ownerByAccount = new ConcurrentHashMap<>();

    public void registered(String accountId, String customerId) {
        ownerByAccount.put(accountId, customerId);
    }

    public void removed(String accountId) {
        ownerByAccount.remove(accountId);
    }

    public Optional<String> ownerOf(String accountId) {
        return Optional.ofNullable(ownerByAccount.get(accountId));
    }

    public int size() {
        return ownerByAccount.size();
    }
}
