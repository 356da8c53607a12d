package io.mailsync.fetcher.application;

import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.fetcher.application.port.out.CommandTracing;

/** What every account session shares. */
record Sessions(SyncContext context, SecretCipher secrets, ProtocolLoops loops, CommandTracing tracing) {
}
