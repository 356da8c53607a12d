package io.mailsync.quota.adapter.out.mongo;

import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.application.AlertRecord;
import io.mailsync.quota.application.PendingNotice;
import io.mailsync.quota.application.SentNotice;
import io.mailsync.quota.domain.AlertState;
import io.mailsync.quota.domain.Forecast;
import io.mailsync.quota.domain.Notice;
import io.mailsync.quota.domain.Resource;
import io.mailsync.quota.domain.Usage;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;

/** Maps an {@link AlertRecord} to one BSON document and back. Instants are stored as BSON dates (milliseconds). */
final class AlertRecordDocuments {

    private AlertRecordDocuments() {
    }

    static Document toDocument(AlertRecord r, long version) {
        Document states = new Document();
        r.states().forEach((resource, s) -> states.append(resource.name(), state(s)));
        return new Document("_id", r.accountId().value()).append("version", version).append("states", states)
                .append("outbox", r.outbox().stream().map(AlertRecordDocuments::pending).toList())
                .append("sent", r.sent().stream().map(s -> notice(s.notice()).append("sentAt", date(s.sentAt())))
                        .toList())
                .append("claimedBy", r.claimedBy()).append("claimedUntil", date(r.claimedUntil()))
                .append("nextDueAt", date(r.nextDueAt()));
    }

    static AlertRecord fromDocument(Document d) {
        Map<Resource, AlertState> states = new EnumMap<>(Resource.class);
        Document s = d.get("states", new Document());
        s.forEach((name, value) -> states.put(Resource.valueOf(name), state((Document) value)));
        List<PendingNotice> outbox = d.getList("outbox", Document.class, List.of()).stream()
                .map(AlertRecordDocuments::pending).toList();
        List<SentNotice> sent = d.getList("sent", Document.class, List.of()).stream()
                .map(n -> new SentNotice(notice(n), instant(n.getDate("sentAt")))).toList();
        return new AlertRecord(AccountId.of(d.getString("_id")), d.getLong("version"), states, outbox, sent,
                d.getString("claimedBy"), instant(d.getDate("claimedUntil")));
    }

    private static Document state(AlertState s) {
        Document sentAt = new Document();
        s.sentAt().forEach((level, at) -> sentAt.append(String.valueOf(level), date(at)));
        return new Document("notifiedLevel", s.notifiedLevel()).append("full", s.full()).append("sentAt", sentAt)
                .append("forecastStreak", s.forecastStreak()).append("forecastSentAt", date(s.forecastSentAt()))
                .append("lastSampleAt", date(s.lastSampleAt())).append("forecastFullAt", date(s.forecastFullAt()));
    }

    private static AlertState state(Document d) {
        Map<Integer, Instant> sentAt = new HashMap<>();
        d.get("sentAt", new Document()).forEach((level, at) -> sentAt.put(Integer.valueOf(level), instant((Date) at)));
        return new AlertState(d.getInteger("notifiedLevel", 0), d.getBoolean("full", false), sentAt,
                d.getInteger("forecastStreak", 0), instant(d.getDate("forecastSentAt")),
                instant(d.getDate("lastSampleAt")), instant(d.getDate("forecastFullAt")));
    }

    private static Document pending(PendingNotice p) {
        return notice(p.notice()).append("decidedAt", date(p.decidedAt())).append("mailed", p.mailed())
                .append("published", p.published()).append("attempts", p.attempts())
                .append("nextAttemptAt", date(p.nextAttemptAt())).append("lastError", p.lastError());
    }

    private static PendingNotice pending(Document d) {
        return new PendingNotice(notice(d), instant(d.getDate("decidedAt")), d.getBoolean("mailed", false),
                d.getBoolean("published", false), d.getInteger("attempts", 0), instant(d.getDate("nextAttemptAt")),
                d.getString("lastError"));
    }

    private static Document notice(Notice n) {
        Document d = new Document("id", n.id().toString()).append("resource", n.resource().name())
                .append("used", n.usage().used()).append("limit", n.usage().limit());
        return switch (n) {
            case Notice.LevelReached l -> {
                d.append("kind", "LEVEL").append("level", l.level());
                yield l.forecast() == null ? d : d.append("fullAt", date(l.forecast().fullAt()))
                        .append("daysToFull", l.forecast().daysToFull());
            }
            case Notice.BackUnderQuota b -> d.append("kind", "BACK_UNDER");
            case Notice.FullSoon f -> d.append("kind", "FULL_SOON").append("fullAt", date(f.forecast().fullAt()))
                    .append("daysToFull", f.forecast().daysToFull());
        };
    }

    private static Notice notice(Document d) {
        UUID id = UUID.fromString(d.getString("id"));
        Resource resource = Resource.valueOf(d.getString("resource"));
        Usage usage = new Usage(d.getLong("used"), d.getLong("limit"));
        return switch (d.getString("kind")) {
            case "LEVEL" -> new Notice.LevelReached(id, resource, d.getInteger("level"), usage, forecast(d));
            case "BACK_UNDER" -> new Notice.BackUnderQuota(id, resource, usage);
            case "FULL_SOON" -> new Notice.FullSoon(id, resource, usage, forecast(d));
            default -> throw new IllegalStateException("unknown notice kind " + d.getString("kind"));
        };
    }

    private static Forecast forecast(Document d) {
        return d.getDate("fullAt") == null ? null
                : new Forecast(instant(d.getDate("fullAt")), d.getDouble("daysToFull"));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
