package io.mailsync.quota.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.application.port.out.AccountStore;
import io.mailsync.quota.application.port.out.AlertRecordStore;
import io.mailsync.quota.application.port.out.UsageStore;
import io.mailsync.quota.domain.AlertRules;
import io.mailsync.quota.domain.AlertState;
import io.mailsync.quota.domain.Decision;
import io.mailsync.quota.domain.Notice;
import io.mailsync.quota.domain.Resource;
import io.mailsync.quota.domain.Usage;
import io.mailsync.quota.domain.UsagePoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an account's latest usage against its levels and queues what the customer must be told. The decision
 * and the queued notices are stored in one compare-and-set, so of two replicas (or a replayed event) evaluating
 * the same crossing exactly one queues its notice; the other reloads and finds nothing new to say.
 */
public final class EvaluateAccount {

    private static final Logger log = LoggerFactory.getLogger(EvaluateAccount.class);
    private static final int MAX_CONFLICTS = 20;

    private final AccountStore accounts;
    private final UsageStore usage;
    private final AlertRecordStore records;
    private final QuotaSettings settings;
    private final Clock clock;

    public EvaluateAccount(AccountStore accounts, UsageStore usage, AlertRecordStore records, QuotaSettings settings,
                           Clock clock) {
        this.accounts = accounts;
        this.usage = usage;
        this.records = records;
        this.settings = settings;
        this.clock = clock;
    }

    /** Returns the notices this call queued (empty when nothing is new, or another replica queued them). */
    public List<Notice> evaluate(AccountId accountId) {
        Optional<QuotaAccount> account = accounts.find(accountId);
        Optional<UsageSample> latest = usage.latest(accountId);
        if (account.isEmpty() || latest.isEmpty()) {
            return List.of(); // the reconciliation evaluates it once both the account and a sample are known
        }
        AlertRules rules = new AlertRules(settings.policyFor(account.get()));
        Instant now = clock.instant();
        List<UsageSample> history = usage.since(accountId, latest.get().at().minus(rules.policy().forecast().window()));
        for (int attempt = 0; attempt < MAX_CONFLICTS; attempt++) {
            AlertRecord record = records.load(accountId).orElse(AlertRecord.empty(accountId));
            Map<Resource, AlertState> states = new EnumMap<>(Resource.class);
            states.putAll(record.states());
            List<Notice> notices = new ArrayList<>();
            for (Resource resource : Resource.values()) {
                currentUsage(account.get(), latest.get(), resource).ifPresent(current -> {
                    Decision decision = rules.evaluate(resource, record.state(resource), current, latest.get().at(),
                            points(history, resource), now);
                    states.put(resource, decision.next());
                    notices.addAll(decision.notices());
                });
            }
            if (notices.isEmpty() && states.equals(record.states())) {
                return List.of();
            }
            List<PendingNotice> outbox = new ArrayList<>(record.outbox());
            notices.forEach(n -> outbox.add(PendingNotice.of(n, now)));
            if (records.compareAndSet(record.with(states, outbox, record.sent(), record.claimedBy(),
                    record.claimedUntil()))) {
                notices.forEach(n -> log.info("account {}: queued {}", accountId, describe(n)));
                return notices;
            }
        }
        throw new IllegalStateException("account " + accountId + ": alert record kept changing; will retry");
    }

    static Optional<Usage> currentUsage(QuotaAccount account, UsageSample sample, Resource resource) {
        Long used = sample.used(resource);
        Long limit = sample.reportedLimit(resource);
        if (limit == null || limit <= 0) {
            limit = resource == Resource.STORAGE ? account.limitBytes() : account.limitMessages();
        }
        return used == null || limit == null || limit <= 0 || used < 0
                ? Optional.empty() : Optional.of(new Usage(used, limit));
    }

    private static List<UsagePoint> points(List<UsageSample> history, Resource resource) {
        return history.stream().filter(s -> s.used(resource) != null)
                .map(s -> new UsagePoint(s.at(), s.used(resource))).toList();
    }

    static String describe(Notice notice) {
        return switch (notice) {
            case Notice.LevelReached n -> n.resource() + " " + n.level() + "% (" + n.id() + ")";
            case Notice.BackUnderQuota n -> n.resource() + " back under quota (" + n.id() + ")";
            case Notice.FullSoon n -> n.resource() + " full in ~" + Math.round(n.forecast().daysToFull())
                    + " days (" + n.id() + ")";
        };
    }
}
