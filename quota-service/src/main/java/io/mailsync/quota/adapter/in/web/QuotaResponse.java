package io.mailsync.quota.adapter.in.web;

import io.mailsync.quota.application.QuotaView;
import io.mailsync.quota.application.SentNotice;
import io.mailsync.quota.domain.Notice;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of {@code GET .../quota}. */
record QuotaResponse(String accountId, Instant sampledAt, Map<String, ResourceJson> resources, int currentLevel,
                     Instant forecastFullAt, LastNotice lastNotice, int pendingNotices) {

    record ResourceJson(long used, long limit, double percent, int level, Instant forecastFullAt) {
    }

    record LastNotice(String id, String kind, String resource, Integer level, double percent, Instant sentAt) {
    }

    static QuotaResponse of(QuotaView view) {
        Map<String, ResourceJson> resources = new LinkedHashMap<>();
        view.resources().forEach((resource, r) -> resources.put(resource.name(),
                new ResourceJson(r.used(), r.limit(), r.percent(), r.level(), r.forecastFullAt())));
        return new QuotaResponse(view.accountId().value(), view.sampledAt(), resources, view.currentLevel(),
                view.forecastFullAt(), last(view.lastNotice()), view.pending().size());
    }

    private static LastNotice last(SentNotice sent) {
        if (sent == null) {
            return null;
        }
        Notice n = sent.notice();
        double percent = Math.round(n.usage().percent() * 10) / 10.0;
        return switch (n) {
            case Notice.LevelReached l -> new LastNotice(n.id().toString(), l.full() ? "FULL" : "LEVEL",
                    n.resource().name(), l.level(), percent, sent.sentAt());
            case Notice.BackUnderQuota b -> new LastNotice(n.id().toString(), "BACK_UNDER_QUOTA",
                    n.resource().name(), null, percent, sent.sentAt());
            case Notice.FullSoon f -> new LastNotice(n.id().toString(), "FORECAST", n.resource().name(), null,
                    percent, sent.sentAt());
        };
    }
}
