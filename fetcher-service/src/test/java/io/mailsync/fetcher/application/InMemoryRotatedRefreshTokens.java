package io.mailsync.fetcher.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.RotatedRefreshTokens;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The port's fake: what the fetchers' database would hold, in a map. */
public final class InMemoryRotatedRefreshTokens implements RotatedRefreshTokens {

    private record Entry(String lineage, String token) {
    }

    private final Map<AccountId, Entry> tokens = new ConcurrentHashMap<>();

    @Override
    public Optional<String> find(AccountId accountId, String lineage) {
        return Optional.ofNullable(tokens.get(accountId)).filter(e -> e.lineage().equals(lineage)).map(Entry::token);
    }

    @Override
    public void keep(AccountId accountId, String lineage, String encryptedToken) {
        tokens.put(accountId, new Entry(lineage, encryptedToken));
    }

    @Override
    public List<Stored> all() {
        return tokens.entrySet().stream().map(e -> new Stored(e.getKey(), e.getValue().token())).toList();
    }

    @Override
    public boolean replace(AccountId accountId, String expected, String encryptedToken) {
        Entry current = tokens.get(accountId);
        return current != null && current.token().equals(expected)
                && tokens.replace(accountId, current, new Entry(current.lineage(), encryptedToken));
    }
}
