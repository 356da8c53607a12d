package io.mailsync.fetcher.application;

import io.mailsync.events.crypto.SecretCipher;

/** What every account session shares. */
record Sessions(SyncContext context, SecretCipher secrets, ProtocolLoops loops) {
}
