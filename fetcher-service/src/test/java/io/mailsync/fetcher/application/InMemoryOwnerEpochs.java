package io.mailsync.fetcher.application;

import io.mailsync.fetcher.application.port.out.OwnerEpochs;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The owner epochs' in-memory fake, held to the same contract as the MongoDB adapter. */
public final class InMemoryOwnerEpochs implements OwnerEpochs {

    private final Map<String, Long> epochs = new ConcurrentHashMap<>();

    @Override
    public long take(String accountId, String owner) {
        return epochs.merge(accountId, 1L, Long::sum);
    }

    @Override
    public boolean holds(String accountId, long epoch) {
        return epochs.getOrDefault(accountId, 0L) == epoch;
    }
}
