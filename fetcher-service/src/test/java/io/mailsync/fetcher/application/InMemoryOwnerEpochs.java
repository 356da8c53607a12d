package io.mailsync.fetcher.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.OwnerEpochs;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The owner epochs' in-memory fake, held to the same contract as the MongoDB adapter. */
public final class InMemoryOwnerEpochs implements OwnerEpochs {

    private final Map<AccountId, Long> epochs = new ConcurrentHashMap<>();

    @Override
    public long take(AccountId accountId, String owner) {
        return epochs.merge(accountId, 1L, Long::sum);
    }

    @Override
    public boolean holds(AccountId accountId, long epoch) {
        return epochs.getOrDefault(accountId, 0L) == epoch;
    }
}
