package io.mailsync.sync.adapter.in.schedule;

import io.mailsync.sync.application.PurgeDeletedMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Component
class DeletedMailPurger {

    private static final Logger log = LoggerFactory.getLogger(DeletedMailPurger.class);

    private final PurgeDeletedMessages purge;

    DeletedMailPurger(PurgeDeletedMessages purge) {
        this.purge = purge;
    }

    @Scheduled(fixedDelayString = "${mailsync.sync.deleted-purge-interval:PT1H}",
            initialDelayString = "${mailsync.sync.deleted-purge-interval:PT1H}")
    void run() {
        try {
            int purged = purge.purge();
            if (purged > 0) {
                log.info("purged the bodies of {} deleted messages past the recovery window", purged);
            }
        } catch (RuntimeException e) {
            log.warn("purging deleted mail failed, will try again: {}", e.getMessage());
        }
    }
}
