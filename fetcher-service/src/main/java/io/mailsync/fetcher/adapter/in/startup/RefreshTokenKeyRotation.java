package io.mailsync.fetcher.adapter.in.startup;

import io.mailsync.fetcher.application.ReEncryptRefreshTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** On startup: stored refresh tokens under a previous key are sealed with the current one (issue 22, ADR 0014). */
@Component
class RefreshTokenKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokenKeyRotation.class);

    private final ReEncryptRefreshTokens reEncrypt;

    RefreshTokenKeyRotation(ReEncryptRefreshTokens reEncrypt) {
        this.reEncrypt = reEncrypt;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        try {
            reEncrypt.reEncryptAll();
        } catch (RuntimeException e) {
            // the fetcher still works: the old key still decrypts until it is removed, and the next start tries again
            log.warn("re-encrypting the stored refresh tokens failed: {}", e.getClass().getSimpleName());
        }
    }
}
