package io.mailsync.quota.application.port.out;

import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.domain.Notice;
import java.time.Instant;

/** Publishes a notice for channels other than e-mail ({@code quota.alerts}); throws when the broker did not ack. */
public interface AlertPublisher {
    void publish(AccountId accountId, Notice notice, Instant occurredAt);
}
