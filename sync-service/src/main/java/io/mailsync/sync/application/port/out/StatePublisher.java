package io.mailsync.sync.application.port.out;

import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.domain.SyncState;

/** Tells push subscribers (the gateway's SSE) that an account's state moved; fire and forget. */
public interface StatePublisher {

    void stateAdvanced(AccountId accountId, SyncState state);
}
