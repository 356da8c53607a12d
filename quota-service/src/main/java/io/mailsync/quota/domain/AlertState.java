package io.mailsync.quota.domain;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What has been said about one resource of one account.
 *
 * @param notifiedLevel  the highest level told and not yet re-armed (0: none); only a higher one is news
 * @param full           a "mailbox full" notice went out and no "back under quota" yet
 * @param sentAt         when each level was last told, for the grace period
 * @param forecastStreak consecutive samples on which the mailbox was forecast full within the horizon
 * @param forecastSentAt when the last forecast warning went out
 * @param lastSampleAt   the newest sample evaluated, so a replay or a reconciliation is not counted as a new one
 * @param forecastFullAt the latest forecast, for the API (null: none)
 */
public record AlertState(int notifiedLevel, boolean full, Map<Integer, Instant> sentAt, int forecastStreak,
                         Instant forecastSentAt, Instant lastSampleAt, Instant forecastFullAt) {

    public AlertState {
        sentAt = java.util.Collections.unmodifiableMap(new TreeMap<>(sentAt));
        if (notifiedLevel < 0 || forecastStreak < 0) {
            throw new IllegalArgumentException("levels and streaks are not negative");
        }
    }

    public static AlertState initial() {
        return new AlertState(0, false, Map.of(), 0, null, null, null);
    }

    /** The last time this level or a higher one was told, if ever. */
    Instant lastSentAtOrAbove(int level) {
        Instant last = null;
        for (var e : sentAt.entrySet()) {
            if (e.getKey() >= level && (last == null || e.getValue().isAfter(last))) {
                last = e.getValue();
            }
        }
        return last;
    }
}
