package io.mailsync.fetcher.application.port.out;

import java.time.Duration;
import java.util.Optional;

/**
 * The connection slots of each mail host's budget, shared by every fetcher of the group (issue 22: ISPs cap logins
 * per source address, and a budget per fetcher pod let F fetchers hold F×N sessions). A host with a budget of N has
 * slots 0..N-1; a session takes one before it connects and gives it back after logging out. No slot has two holders,
 * so the host never sees more than N of mailsync's sessions, however many fetchers there are and however the
 * mailboxes are spread over them.
 */
public interface HostSlots {

    /**
     * Takes the lowest free slot of {@code hostId}'s budget of {@code size} for this fetcher, or empty when every one
     * is held. {@code lost} runs (once, on another thread) should the slot stop being this fetcher's before it is
     * given back — its lease could not be renewed in time — and the connection it covers must then be cut at once.
     */
    Optional<Held> take(String hostId, int size, Runnable lost);

    /** How often a session waiting for a slot looks again (shorter than the handover). */
    default Duration retryEvery() {
        return Duration.ofMillis(100);
    }

    /** A slot held by this fetcher; closing it gives it back. */
    interface Held extends AutoCloseable {

        int index();

        @Override
        void close();
    }

    /**
     * {@code holder}: this fetcher's instance id. {@code lease}: how long a slot stays held without renewal (a crashed
     * fetcher's slots are free again after it). {@code handover}: how long a slot this fetcher gave back is left to the
     * other fetchers' waiters before this fetcher may take it again — waiters elsewhere look more often than that, so
     * a busy fetcher cannot keep a slot to itself.
     */
    record Terms(String holder, Duration lease, Duration handover) {
        public Terms {
            if (holder == null || holder.isBlank()) {
                throw new IllegalArgumentException("a slot holder needs this fetcher's instance id");
            }
            if (lease.compareTo(Duration.ofSeconds(3)) < 0 || handover.isNegative() || handover.isZero()) {
                throw new IllegalArgumentException("budget lease must be at least 3s and handover positive");
            }
        }
    }
}
