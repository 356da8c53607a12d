package io.mailsync.fetcher.application;

import io.mailsync.events.AccountStatusChanged;
import io.mailsync.events.AccountStatusChanged.Status;
import io.mailsync.events.Origin;
import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.MailEventPublisher;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a session's state when it changes, without waiting for the broker but for the last one; a failure to
 * publish never stops the session.
 */
final class StatusReporter {

    private static final Logger log = LoggerFactory.getLogger(StatusReporter.class);

    private final AccountId accountId;
    private final Origin origin;
    private final MailEventPublisher publisher;
    private final Clock clock;
    private volatile Status current;

    StatusReporter(AccountId accountId, Origin origin, MailEventPublisher publisher, Clock clock) {
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
            MailEventPublisher.Sent sent = publisher.send(List.of(new AccountStatusChanged(UUID.randomUUID(),
                    clock.instant(), accountId, origin, status, reason)));
            if (status == Status.STOPPED) {
                sent.await(); // the session's last word: it ends after this
            } else {
                // the session goes on while the broker acknowledges (issue 18, P8: CONNECTING and CONNECTED each
                // waited 4-13 ms before the login and the first FETCH); one partition per account keeps the order
                Thread.ofVirtual().start(() -> acknowledged(sent, status));
            }
        } catch (RuntimeException e) {
            notPublished(status, e);
        }
    }

    private void acknowledged(MailEventPublisher.Sent sent, Status status) {
        try {
            sent.await();
        } catch (RuntimeException e) {
            notPublished(status, e);
        }
    }

    private void notPublished(Status status, RuntimeException e) {
        log.warn("account {}: status {} not published: {}", accountId, status, e.toString());
    }
}
