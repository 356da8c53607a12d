package io.mailsync.quota.application.port.out;

import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.application.UsageSample;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Usage samples: the newest per account, and a bounded history for the forecast. */
public interface UsageStore {

    /** Stores a sample (idempotent: a replay changes nothing); it becomes the latest only if it is newer. */
    void record(UsageSample sample);

    Optional<UsageSample> latest(AccountId accountId);

    /** Samples at or after {@code since}, oldest first. */
    List<UsageSample> since(AccountId accountId, Instant since);

    void removeAll(AccountId accountId);

    /** Forgets history older than {@code before} (the latest sample of an account is kept). */
    void pruneBefore(Instant before);
}
