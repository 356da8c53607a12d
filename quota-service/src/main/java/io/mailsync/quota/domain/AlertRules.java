package io.mailsync.quota.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Decides what to tell a customer about one resource, after Dovecot's quota_warning and James's quota mailing:
 * only a level above the last one told is news; a jump over several levels tells only the highest; a level
 * re-arms once usage falls {@code rearmMargin} points below it; the same or a lower level is not repeated within
 * the grace period; 100 % ("new mail is being returned to senders") is told at once, grace or not, and so is
 * the way back under it.
 */
public final class AlertRules {

    private final AlertPolicy policy;
    private final Supplier<UUID> ids;

    public AlertRules(AlertPolicy policy, Supplier<UUID> ids) {
        this.policy = policy;
        this.ids = ids;
    }

    public AlertRules(AlertPolicy policy) {
        this(policy, UUID::randomUUID);
    }

    public AlertPolicy policy() {
        return policy;
    }

    /**
     * @param sampledAt when {@code usage} was read; a sample not newer than the last one evaluated (a replay, or a
     *                  reconciliation) re-checks the levels but does not count towards the forecast's hold
     * @param history   recent readings of this resource, for the forecast
     */
    public Decision evaluate(Resource resource, AlertState state, Usage usage, Instant sampledAt, List<UsagePoint> history, Instant now) {
        List<Notice> notices = new ArrayList<>();
        Levels levels = policy.levels();
        double percent = usage.percent();
        int reached = levels.reachedAt(percent);
        int notified = levels.heldAt(percent, state.notifiedLevel(), policy.rearmMargin());
        Map<Integer, Instant> sentAt = new HashMap<>(state.sentAt());
        boolean full = state.full();

        Optional<Forecast> forecast = percent < Levels.FULL
                ? Forecast.of(history, usage, policy.forecast())
                : Optional.empty();
        if (reached > notified) {
            if (reached >= Levels.FULL || !withinGrace(state.lastSentAtOrAbove(reached), now)) {
                notices.add(new Notice.LevelReached(ids.get(), resource, reached, usage, forecast.orElse(null)));
                sentAt.put(reached, now);
            }
            notified = reached;
        }
        if (reached >= Levels.FULL) {
            full = true;
        } else if (full) {
            notices.add(new Notice.BackUnderQuota(ids.get(), resource, usage));
            full = false;
        }

        boolean newSample = state.lastSampleAt() == null || sampledAt.isAfter(state.lastSampleAt());
        boolean worthWarning = forecast.isPresent() && percent >= policy.forecast().floorPercent()
                && forecast.get().daysToFull() * 86_400 <= policy.forecast().horizon().toSeconds();
        int streak = !newSample ? state.forecastStreak() : worthWarning ? state.forecastStreak() + 1 : 0;
        Instant forecastSentAt = state.forecastSentAt();
        // only a new sample warns: a reconciliation days later must not repeat a forecast made of stale data
        if (newSample && worthWarning && notices.isEmpty() && streak >= policy.forecast().holdSamples()
                && !withinGrace(forecastSentAt, now)) {
            notices.add(new Notice.FullSoon(ids.get(), resource, usage, forecast.get()));
            forecastSentAt = now;
        }
        AlertState next = new AlertState(notified, full, sentAt, streak, forecastSentAt,
                newSample ? sampledAt : state.lastSampleAt(), forecast.map(Forecast::fullAt).orElse(null));
        return new Decision(next, notices);
    }

    private boolean withinGrace(Instant sentAt, Instant now) {
        return sentAt != null && Duration.between(sentAt, now).compareTo(policy.gracePeriod()) < 0;
    }
}
