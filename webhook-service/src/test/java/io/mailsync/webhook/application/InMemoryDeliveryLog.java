package io.mailsync.webhook.application;

import io.mailsync.webhook.application.port.out.DeliveryLog;
import io.mailsync.webhook.domain.Delivery;
import io.mailsync.webhook.domain.DeliveryLogEntry;
import io.mailsync.webhook.domain.DeliveryStatus;
import io.mailsync.webhook.domain.SendOutcome;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fake the use-case tests run on; {@link DeliveryLogContract} holds it to the Mongo adapter's behaviour. */
public final class InMemoryDeliveryLog implements DeliveryLog {

    private record Row(DeliveryLogEntry entry, Instant updatedAt) {
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();

    @Override
    public synchronized void attempted(Delivery d, Instant at, SendOutcome outcome) {
        DeliveryLogEntry old = current(d);
        rows.put(key(d), new Row(new DeliveryLogEntry(old == null ? plain(d) : old.delivery(),
                outcome.delivered() ? DeliveryStatus.DELIVERED : DeliveryStatus.FAILING,
                (old == null ? 0 : old.attempts()) + 1, at, outcome.statusCode(), outcome.error()), at));
    }

    @Override
    public synchronized void parked(Delivery d, Instant at) {
        status(d, DeliveryStatus.PARKED, at);
    }

    @Override
    public synchronized void requeued(Delivery d, Instant at) {
        status(d, DeliveryStatus.QUEUED, at);
    }

    private void status(Delivery d, DeliveryStatus status, Instant at) {
        DeliveryLogEntry old = current(d);
        rows.put(key(d), new Row(old == null ? new DeliveryLogEntry(plain(d), status, 0, null, 0, null)
                : new DeliveryLogEntry(old.delivery(), status, old.attempts(), old.lastAttemptAt(),
                        old.lastStatusCode(), old.lastError()), at));
    }

    @Override
    public synchronized Optional<DeliveryLogEntry> find(String subscriptionId, String eventId) {
        return Optional.ofNullable(rows.get(subscriptionId + "|" + eventId)).map(Row::entry);
    }

    @Override
    public synchronized List<DeliveryLogEntry> recent(String subscriptionId, int limit) {
        return rows.values().stream().filter(r -> r.entry().delivery().subscriptionId().equals(subscriptionId))
                .sorted(Comparator.comparing(Row::updatedAt).reversed()).limit(limit).map(Row::entry).toList();
    }

    private DeliveryLogEntry current(Delivery d) {
        Row row = rows.get(key(d));
        return row == null ? null : row.entry();
    }

    private static Delivery plain(Delivery d) {
        return new Delivery(d.subscriptionId(), d.eventId(), d.type(), d.accountId(), d.occurredAt(), d.data(), false);
    }

    private static String key(Delivery d) {
        return d.subscriptionId() + "|" + d.eventId();
    }
}
