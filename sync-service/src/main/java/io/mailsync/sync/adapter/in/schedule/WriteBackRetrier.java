package io.mailsync.sync.adapter.in.schedule;

import io.mailsync.sync.application.SendWriteBack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Component
class WriteBackRetrier {

    private static final Logger log = LoggerFactory.getLogger(WriteBackRetrier.class);

    private final SendWriteBack sendWriteBack;

    WriteBackRetrier(SendWriteBack sendWriteBack) {
        this.sendWriteBack = sendWriteBack;
    }

    @Scheduled(fixedDelayString = "${mailsync.sync.write-back-retry-interval:PT10S}")
    void run() {
        try {
            int sent = sendWriteBack.retryPending();
            if (sent > 0) {
                log.info("sent {} queued write-backs", sent);
            }
        } catch (RuntimeException e) {
            log.warn("write-back retry failed, will try again: {}", e.getMessage());
        }
    }
}
