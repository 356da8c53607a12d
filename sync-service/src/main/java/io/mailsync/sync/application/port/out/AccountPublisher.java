package io.mailsync.sync.application.port.out;

import io.mailsync.events.AccountSpec;

/** Publishes the registry to the compacted accounts topic, synchronously. */
public interface AccountPublisher {

    void publish(AccountSpec spec);

    /** A tombstone: the account is gone. */
    void publishRemoval(String accountId);
}
