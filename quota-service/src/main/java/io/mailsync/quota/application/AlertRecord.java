package io.mailsync.quota.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.domain.AlertState;
import io.mailsync.quota.domain.Resource;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one document per account that decides who sends: alert states per resource, the outbox of notices not
 * yet delivered, the last notices sent and a delivery claim. Every change is a compare-and-set on
 * {@code version} (0: not stored yet), so two replicas or a replayed event can never both act on a crossing.
 */
public record AlertRecord(AccountId accountId, long version, Map<Resource, AlertState> states,
                          List<PendingNotice> outbox, List<SentNotice> sent, String claimedBy, Instant claimedUntil) {

    public static final int SENT_KEPT = 20;

    public AlertRecord {
        Objects.requireNonNull(accountId, "accountId");
        if (version < 0) {
            throw new IllegalArgumentException("a record's version is 0 (not stored) or more, not " + version);
        }
        states = states.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(states));
        outbox = List.copyOf(outbox);
        sent = List.copyOf(sent);
    }

    public static AlertRecord empty(AccountId accountId) {
        return new AlertRecord(accountId, 0, Map.of(), List.of(), List.of(), null, null);
    }

    public AlertState state(Resource resource) {
        return states.getOrDefault(resource, AlertState.initial());
    }

    /** The earliest time an outbox entry is due, or null when the outbox is empty. */
    public Instant nextDueAt() {
        return outbox.stream().map(PendingNotice::nextAttemptAt).min(Instant::compareTo).orElse(null);
    }

    /** A delivery holds the outbox until {@code claimedUntil}; after that its claim has expired (it died). */
    public boolean claimed(Instant now) {
        return claimedBy != null && claimedUntil != null && claimedUntil.isAfter(now);
    }

    AlertRecord with(Map<Resource, AlertState> newStates, List<PendingNotice> newOutbox, List<SentNotice> newSent,
                     String newClaimedBy, Instant newClaimedUntil) {
        List<SentNotice> kept = newSent.size() > SENT_KEPT
                ? newSent.subList(newSent.size() - SENT_KEPT, newSent.size()) : newSent;
        return new AlertRecord(accountId, version, newStates, newOutbox, kept, newClaimedBy, newClaimedUntil);
    }
}
