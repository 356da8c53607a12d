package io.mailsync.sync.adapter.in.startup;

import io.mailsync.sync.application.RepublishAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** On startup, every registered account goes to the accounts topic again (see {@link RepublishAccounts}). */
@Component
class AccountRepublisher {

    private static final Logger log = LoggerFactory.getLogger(AccountRepublisher.class);

    private final RepublishAccounts republish;

    AccountRepublisher(RepublishAccounts republish) {
        this.republish = republish;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        try {
            log.info("republished {} accounts to the accounts topic", republish.republishAll().published());
        } catch (RuntimeException e) {
            // the service still serves its API; a later restart or a registration publishes again
            log.warn("republishing the accounts failed: {}", e.getMessage());
        }
    }
}
