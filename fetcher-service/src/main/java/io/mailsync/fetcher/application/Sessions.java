package io.mailsync.fetcher.application;

import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.fetcher.application.port.out.CommandTracing;
import io.mailsync.fetcher.application.port.out.OwnerEpochs;

/** What every account session shares. */
record Sessions(SyncContext context, SecretCipher secrets, ProtocolLoops loops, OwnerEpochs epochs, Lease lease,
                CommandTracing tracing) {
}
