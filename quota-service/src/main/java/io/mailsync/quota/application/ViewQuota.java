package io.mailsync.quota.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.application.port.out.AccountStore;
import io.mailsync.quota.application.port.out.AlertRecordStore;
import io.mailsync.quota.application.port.out.UsageStore;
import io.mailsync.quota.domain.AlertState;
import io.mailsync.quota.domain.Resource;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Shows an account's quota to its owner, a person it is shared with to read (issue 23), or an admin; anyone else
 * learns nothing, not even that it exists.
 */
public final class ViewQuota {

    private final AccountStore accounts;
    private final UsageStore usage;
    private final AlertRecordStore records;
    private final QuotaSettings settings;

    public ViewQuota(AccountStore accounts, UsageStore usage, AlertRecordStore records, QuotaSettings settings) {
        this.accounts = accounts;
        this.usage = usage;
        this.records = records;
        this.settings = settings;
    }

    public Optional<QuotaView> view(AccountId accountId, String customerId, boolean admin) {
        Optional<QuotaAccount> account = accounts.find(accountId)
                .filter(a -> admin || customerId != null && a.visibleTo(customerId)); // owner or reader (issue 23)
        if (account.isEmpty()) {
            return Optional.empty();
        }
        Optional<UsageSample> latest = usage.latest(accountId);
        AlertRecord record = records.load(accountId).orElse(AlertRecord.empty(accountId));
        var levels = settings.policyFor(account.get()).levels();
        Map<Resource, QuotaView.ResourceView> resources = new EnumMap<>(Resource.class);
        latest.ifPresent(sample -> {
            for (Resource resource : Resource.values()) {
                EvaluateAccount.currentUsage(account.get(), sample, resource).ifPresent(u -> {
                    AlertState state = record.state(resource);
                    resources.put(resource, new QuotaView.ResourceView(u.used(), u.limit(),
                            Math.round(u.percent() * 10) / 10.0, levels.reachedAt(u.percent()),
                            state.forecastFullAt()));
                });
            }
        });
        int level = resources.values().stream().mapToInt(QuotaView.ResourceView::level).max().orElse(0);
        Instant fullAt = resources.values().stream().map(QuotaView.ResourceView::forecastFullAt)
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        SentNotice last = record.sent().isEmpty() ? null : record.sent().getLast();
        return Optional.of(new QuotaView(accountId, latest.map(UsageSample::at).orElse(null), resources, level,
                fullAt, last, record.outbox()));
    }
}
