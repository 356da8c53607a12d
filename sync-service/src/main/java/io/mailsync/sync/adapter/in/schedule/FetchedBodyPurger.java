package io.mailsync.sync.adapter.in.schedule;

import io.mailsync.sync.application.PurgeFetchedBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Issue 20: bodies fetched on demand leave the content store once kept for {@code mailsync.sync.bodies.keep-for}. */
@Component
class FetchedBodyPurger {

    private static final Logger log = LoggerFactory.getLogger(FetchedBodyPurger.class);

    private final PurgeFetchedBodies purge;

    FetchedBodyPurger(PurgeFetchedBodies purge) {
        this.purge = purge;
    }

    @Scheduled(fixedDelayString = "${mailsync.sync.bodies.purge-interval:PT5M}",
            initialDelayString = "${mailsync.sync.bodies.purge-interval:PT5M}")
    void run() {
        try {
            int purged = purge.purge();
            if (purged > 0) {
                log.info("removed {} bodies fetched on demand past their keeping", purged);
            }
        } catch (RuntimeException e) {
            log.warn("removing fetched bodies failed, will try again: {}", e.getMessage());
        }
    }
}
