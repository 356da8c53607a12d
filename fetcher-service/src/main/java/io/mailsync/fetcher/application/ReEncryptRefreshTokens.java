package io.mailsync.fetcher.application;

import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.fetcher.application.port.out.RotatedRefreshTokens;
import io.mailsync.fetcher.application.port.out.RotatedRefreshTokens.Stored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key rotation for the refresh tokens the fetchers stored (issue 22, as ADR 0014 does for passwords): every one
 * sealed with a previous key is sealed again with the current one, only if it is still the one read (a rotation
 * meanwhile wins). A token no configured key opens stays as it is and is named (the account, never the token) in a
 * warning; its mailbox falls back to its registered token.
 */
public final class ReEncryptRefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(ReEncryptRefreshTokens.class);

    private final RotatedRefreshTokens tokens;
    private final SecretCipher cipher;

    public ReEncryptRefreshTokens(RotatedRefreshTokens tokens, SecretCipher cipher) {
        this.tokens = tokens;
        this.cipher = cipher;
    }

    /** Answers how many were re-encrypted. */
    public int reEncryptAll() {
        int done = 0;
        int seen = 0;
        for (Stored stored : tokens.all()) {
            seen++;
            if (!cipher.needsReEncryption(stored.encryptedToken())) {
                continue;
            }
            String id = stored.accountId().value();
            try {
                String again = cipher.encrypt(id, cipher.decrypt(id, stored.encryptedToken()));
                if (tokens.replace(stored.accountId(), stored.encryptedToken(), again)) {
                    done++;
                }
            } catch (SecretCipher.UndecryptableSecretException e) {
                log.warn("account {}: its stored refresh token is under a key that is not configured", id);
            }
            if (seen % 500 == 0) {
                log.info("re-encrypting stored refresh tokens: {} read, {} re-encrypted", seen, done);
            }
        }
        if (done > 0) {
            log.info("re-encrypted {} of {} stored refresh tokens with the current key", done, seen);
        }
        return done;
    }
}
