package io.mailsync.auth.application.port.out;

import io.mailsync.auth.domain.SigningKey;

/**
 * Keeps the signing key across restarts, so tokens issued before a restart still verify after it (issue 19: the old
 * devstack made a new key at every start, and every token died with it).
 */
public interface SigningKeyStore {

    /** The kept key; on first use a new one, kept before it is returned. */
    SigningKey loadOrCreate();
}
