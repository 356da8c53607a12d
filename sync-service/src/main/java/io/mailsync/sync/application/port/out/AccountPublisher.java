package io.mailsync.sync.application.port.out;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.mail.AccountId;

/** Publishes the registry to the compacted accounts topic, synchronously. */
public interface AccountPublisher {

    void publish(AccountSpec spec);

    /** A tombstone: the account is gone. */
    void publishRemoval(AccountId accountId);
}
