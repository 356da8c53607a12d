package io.mailsync.fetcher.application;

import io.mailsync.events.AccountStatusChanged;
import io.mailsync.events.AccountStatusChanged.Status;
import io.mailsync.events.Origin;
import io.mailsync.fetcher.application.port.out.MailEventPublisher;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes a session's state when it changes; a failure to publish never stops the session. */
final class StatusReporter {

    private static final Logger log = LoggerFactory.getLogger(StatusReporter.class);

    private final String accountId;
    private final Origin origin;
    private final MailEventPublisher publisher;
    private final Clock clock;
    private volatile Status current;

    StatusReporter(String accountId, Origin origin, MailEventPublisher publisher, Clock clock) {
        this.accountId = accountId;
        this.origin = origin;
        this.publisher = publisher;
        this.clock = clock;
    }

    Status current() {
        return current;
    }

    void report(Status status, String reason) {
        if (status == current) {
            return;
        }
        current = status;
        log.info("account {} is {}{}", accountId, status, reason == null ? "" : ": " + reason);
        try {
            publisher.publish(new AccountStatusChanged(UUID.randomUUID(), clock.instant(), accountId, origin, status,
                    reason));
        } catch (RuntimeException e) {
            log.warn("account {}: status {} not published: {}", accountId, status, e.toString());
        }
    }
}
