package io.mailsync.sync.adapter.in.schedule;

import io.mailsync.sync.application.PruneChangeLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Component
class ChangeLogPruner {

    private static final Logger log = LoggerFactory.getLogger(ChangeLogPruner.class);

    private final PruneChangeLog prune;

    ChangeLogPruner(PruneChangeLog prune) {
        this.prune = prune;
    }

    @Scheduled(fixedDelayString = "${mailsync.sync.prune-interval:PT1H}",
            initialDelayString = "${mailsync.sync.prune-interval:PT1H}")
    void run() {
        try {
            int accounts = prune.prune();
            log.debug("pruned the change log of {} accounts", accounts);
        } catch (RuntimeException e) {
            log.warn("change-log pruning failed, will try again: {}", e.getMessage());
        }
    }
}
