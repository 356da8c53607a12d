package io.mailsync.fetcher.application;

import io.mailsync.fetcher.application.port.out.CommandTracing;
import io.mailsync.fetcher.application.port.out.OwnerEpochs;

/** What every account session shares. */
record Sessions(SyncContext context, Logins logins, ProtocolLoops loops, OwnerEpochs epochs, Lease lease,
                CommandTracing tracing, TakeoverPacing takeovers) {
}
