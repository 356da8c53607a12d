package io.mailsync.sync.adapter.in.startup;

import io.mailsync.sync.application.ReEncryptMailHosts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On startup, before the accounts are republished ({@link AccountRepublisher} runs later): mail hosts' secrets under a
 * previous key are sealed with the current one (issue 22, see {@link ReEncryptMailHosts}).
 */
@Component
class MailHostKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(MailHostKeyRotation.class);

    private final ReEncryptMailHosts reEncrypt;

    MailHostKeyRotation(ReEncryptMailHosts reEncrypt) {
        this.reEncrypt = reEncrypt;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void onReady() {
        try {
            reEncrypt.reEncryptAll();
        } catch (RuntimeException e) {
            // the service still serves; the next start tries again, and the old key still decrypts until removed
            log.warn("re-encrypting the mail hosts' secrets failed: {}", e.getMessage());
        }
    }
}
