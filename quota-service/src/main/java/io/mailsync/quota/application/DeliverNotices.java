package io.mailsync.quota.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.application.port.out.AccountStore;
import io.mailsync.quota.application.port.out.AlertPublisher;
import io.mailsync.quota.application.port.out.AlertRecordStore;
import io.mailsync.quota.application.port.out.NoticeMailer;
import io.mailsync.quota.domain.Notice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers an account's due notices: claims its outbox by compare-and-set (one replica at a time), sends each
 * e-mail and event, then records the outcome by compare-and-set again. A notice leaves the outbox only once the
 * SMTP server accepted it; a failure is retried with jittered exponential back-off. A replica that dies between
 * sending and recording leaves its claim to expire, so at worst a notice is sent twice, never lost.
 */
public final class DeliverNotices {

    private static final Logger log = LoggerFactory.getLogger(DeliverNotices.class);
    private static final int MAX_CONFLICTS = 20;

    private final AlertRecordStore records;
    private final AccountStore accounts;
    private final NoticeMailer mailer;
    private final AlertPublisher publisher;
    private final QuotaSettings settings;
    private final Clock clock;
    private final Consumer<Notice> onSent;

    public DeliverNotices(AlertRecordStore records, AccountStore accounts, NoticeMailer mailer,
                          AlertPublisher publisher, QuotaSettings settings, Clock clock, Consumer<Notice> onSent) {
        this.records = records;
        this.accounts = accounts;
        this.mailer = mailer;
        this.publisher = publisher;
        this.settings = settings;
        this.clock = clock;
        this.onSent = onSent;
    }

    /** Returns how many notices this call delivered completely. */
    public int deliver(AccountId accountId) {
        Instant now = clock.instant();
        Optional<AlertRecord> loaded = records.load(accountId);
        if (loaded.isEmpty() || loaded.get().claimed(now)) {
            return 0;
        }
        AlertRecord record = loaded.get();
        List<PendingNotice> due = record.outbox().stream().filter(p -> !p.nextAttemptAt().isAfter(now)).toList();
        // a claim per call, not per replica: the listener and the retry timer of one replica must not both send
        String claim = settings.instanceId() + "/" + UUID.randomUUID();
        if (due.isEmpty() || !records.compareAndSet(record.with(record.states(), record.outbox(), record.sent(),
                claim, now.plus(settings.claimLease())))) {
            return 0;
        }
        Optional<QuotaAccount> account = accounts.find(accountId);
        Map<UUID, PendingNotice> outcomes = new HashMap<>();
        for (PendingNotice pending : due) {
            outcomes.put(pending.notice().id(), attempt(accountId, account, pending));
        }
        return record(accountId, claim, outcomes);
    }

    private PendingNotice attempt(AccountId accountId, Optional<QuotaAccount> account, PendingNotice pending) {
        boolean mailed = pending.mailed();
        boolean published = pending.published();
        String error = null;
        if (!mailed) {
            if (account.isEmpty() || account.get().recipients().isEmpty()) {
                log.warn("account {}: no contact address, notice {} goes to quota.alerts only", accountId,
                        pending.notice().id());
                mailed = true;
            } else {
                try {
                    mailer.send(account.get(), pending.notice());
                    mailed = true;
                } catch (RuntimeException e) {
                    error = "mail not accepted: " + e.getMessage();
                }
            }
        }
        if (!published) {
            try {
                publisher.publish(accountId, pending.notice(), pending.decidedAt());
                published = true;
            } catch (RuntimeException e) {
                error = (error == null ? "" : error + "; ") + "event not published: " + e.getMessage();
            }
        }
        if (mailed && published) {
            return new PendingNotice(pending.notice(), pending.decidedAt(), true, true, pending.attempts() + 1,
                    pending.nextAttemptAt(), null);
        }
        int attempts = pending.attempts() + 1;
        Instant next = clock.instant().plus(backOff(attempts));
        log.warn("account {}: notice {} attempt {} failed ({}); next try at {}", accountId, pending.notice().id(),
                attempts, error, next);
        return new PendingNotice(pending.notice(), pending.decidedAt(), mailed, published, attempts, next, error);
    }

    private int record(AccountId accountId, String claim, Map<UUID, PendingNotice> outcomes) {
        for (int i = 0; i < MAX_CONFLICTS; i++) {
            Optional<AlertRecord> loaded = records.load(accountId);
            if (loaded.isEmpty()) {
                return 0; // the account was removed meanwhile
            }
            AlertRecord current = loaded.get();
            Instant now = clock.instant();
            List<PendingNotice> outbox = new ArrayList<>();
            List<SentNotice> sent = new ArrayList<>(current.sent());
            List<Notice> delivered = new ArrayList<>();
            for (PendingNotice pending : current.outbox()) {
                PendingNotice outcome = outcomes.getOrDefault(pending.notice().id(), pending);
                if (outcome.delivered()) {
                    sent.add(new SentNotice(outcome.notice(), now));
                    delivered.add(outcome.notice());
                } else {
                    outbox.add(outcome);
                }
            }
            boolean mine = claim.equals(current.claimedBy());
            if (records.compareAndSet(current.with(current.states(), outbox, sent,
                    mine ? null : current.claimedBy(), mine ? null : current.claimedUntil()))) {
                delivered.forEach(n -> {
                    log.info("account {}: delivered {}", accountId, EvaluateAccount.describe(n));
                    onSent.accept(n);
                });
                return delivered.size();
            }
        }
        throw new IllegalStateException("account " + accountId + ": could not record deliveries; claim will expire");
    }

    private Duration backOff(int attempts) {
        long first = settings.retryFirst().toMillis();
        long capped = Math.min(settings.retryMax().toMillis(), first << Math.min(attempts - 1, 20));
        long jitter = (long) (capped * 0.2 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(capped - jitter);
    }
}
