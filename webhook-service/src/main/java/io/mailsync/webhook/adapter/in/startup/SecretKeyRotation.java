package io.mailsync.webhook.adapter.in.startup;

import io.mailsync.webhook.application.ReEncryptSubscriptionSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** On startup: signing secrets under a previous key are sealed with the current one (issue 22, ADR 0014). */
@Component
class SecretKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(SecretKeyRotation.class);

    private final ReEncryptSubscriptionSecrets reEncrypt;

    SecretKeyRotation(ReEncryptSubscriptionSecrets reEncrypt) {
        this.reEncrypt = reEncrypt;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        try {
            ReEncryptSubscriptionSecrets.Progress p = reEncrypt.reEncryptAll();
            if (p.reEncrypted() > 0 || p.unopened() > 0) {
                log.info("webhook secrets key rotation: {} subscriptions, {} re-encrypted, {} under an unknown key",
                        p.read(), p.reEncrypted(), p.unopened());
            }
        } catch (RuntimeException e) {
            // the service still serves: the previous key still opens until removed, and the next start tries again
            log.warn("re-encrypting the webhook secrets failed: {}", e.getClass().getSimpleName());
        }
    }
}
