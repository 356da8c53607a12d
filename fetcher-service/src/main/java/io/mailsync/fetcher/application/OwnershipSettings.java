package io.mailsync.fetcher.application;

import java.time.Duration;

/**
 * How this fetcher holds on to the accounts Kafka assigns it (issue 15, ADR 0007), mapped from configuration.
 *
 * @param selfFenceAfter      without an answered Kafka heartbeat for this long every session lets go; below the
 *                            group's session timeout less its heartbeat interval
 * @param resumeAfter         heartbeats answered again for this long before suspended sessions go on
 * @param maxPollSilence      a poll loop silent this long lets go too (below {@code max.poll.interval.ms})
 * @param orphanCommandsAfter a command whose account has no registration after this long is refused
 */
public record OwnershipSettings(Duration selfFenceAfter, Duration resumeAfter, Duration maxPollSilence,
                                Duration orphanCommandsAfter) {

    public OwnershipSettings {
        if (selfFenceAfter.isNegative() || selfFenceAfter.isZero()) {
            throw new IllegalArgumentException("self-fence-after is positive");
        }
    }
}
