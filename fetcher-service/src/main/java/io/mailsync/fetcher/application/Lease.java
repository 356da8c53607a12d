package io.mailsync.fetcher.application;

import java.time.Duration;

/**
 * How long this fetcher may still act for the accounts Kafka assigned it (issue 15): the group coordinator moves a
 * member's partitions only after its session timeout without a heartbeat, so a fetcher whose heartbeats stopped being
 * answered must stop its sessions before that. The inbound Kafka adapter renews it on every answered heartbeat; a
 * process that was paused (SIGSTOP) finds it lapsed the moment it resumes, before it acts. Never renewed: valid.
 */
public final class Lease {

    private volatile long untilNanos;
    private volatile boolean bounded;

    /** Valid until {@code validFor} from now, measured on the monotonic clock. */
    public void renew(Duration validFor) {
        untilNanos = System.nanoTime() + validFor.toNanos();
        bounded = true;
    }

    /** Lapses now (a fenced or stalled consumer). */
    public void revoke() {
        untilNanos = System.nanoTime();
        bounded = true;
    }

    public boolean valid() {
        return !bounded || untilNanos - System.nanoTime() > 0;
    }
}
