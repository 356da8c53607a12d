package io.mailsync.quota.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.domain.Resource;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the API shows of an account's quota. */
public record QuotaView(AccountId accountId, Instant sampledAt, Map<Resource, ResourceView> resources,
                        int currentLevel, Instant forecastFullAt, SentNotice lastNotice, List<PendingNotice> pending) {

    /** One resource: used, limit, percent, the level reached and when it will be full at the current rate. */
    public record ResourceView(long used, long limit, double percent, int level, Instant forecastFullAt) {
    }
}
